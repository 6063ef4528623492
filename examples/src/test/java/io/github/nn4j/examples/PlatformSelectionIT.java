package io.github.nn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After the example builds: a project that depends on the ND4J backend and builds with
 * {@code -Djavacpp.platform=windows-x86_64} gets that platform's natives and no others (the tree the fourth example
 * build wrote; see examples/quickstart/invoker.properties). The default build's natives are those of this machine:
 * its tests ran on them.
 */
class PlatformSelectionIT {

    @Test
    void anotherPlatformGetsOnlyItsOwnNatives() throws IOException {
        Path tree = RepositoryFiles.root().resolve("examples/target/it/quickstart/target/tree-windows-x86_64.txt");
        assertThat(tree).as("written by the example build").isRegularFile();
        List<String> natives = Files.readAllLines(tree).stream()
                .filter(l -> l.matches(".*:jar:(linux|windows|macosx|android|ios)-[^:]+:.*")).toList();

        assertThat(natives).as(String.join("\n", Files.readAllLines(tree)))
                .anyMatch(l -> l.contains("org.nd4j:nd4j-native:jar:windows-x86_64:"))
                .anyMatch(l -> l.contains("org.bytedeco:openblas:jar:windows-x86_64:"))
                .allMatch(l -> l.contains(":jar:windows-x86_64:"));
    }
}
