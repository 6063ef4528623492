package io.github.nn4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The README's code is the examples' code: every block after a marker {@code <!-- example: PATH -->} (a whole file)
 * or {@code <!-- example: PATH#REGION -->} (the lines between {@code <!-- README: REGION -->} and
 * {@code <!-- README: end -->} in that file, or {@code // README: REGION} and {@code // README: end} in Java), dedented,
 * must equal it, so that what the README shows is what CI compiles and runs.
 */
class ReadmeSampleTest {
    private static final Pattern MARKER = Pattern.compile(
            "<!-- example: ([^#\\s]+)(?:#([\\w-]+))? -->\\R```\\w*\\R(.*?)```", Pattern.DOTALL);

    @Test
    void everyMarkedBlockOfTheReadmeIsTheExamplesCode() throws IOException {
        String readme = Files.readString(RepositoryFiles.root().resolve("README.md"));
        Matcher m = MARKER.matcher(readme);
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            Path file = RepositoryFiles.root().resolve(m.group(1));
            String expected = m.group(2) == null ? Files.readString(file) : region(file, m.group(2));
            assertThat(m.group(3)).as("README block for %s%s", m.group(1), m.group(2) == null ? "" : "#" + m.group(2))
                    .isEqualTo(expected);
            checked.add(m.group(1) + (m.group(2) == null ? "" : "#" + m.group(2)));
        }
        assertThat(checked).as("the README's example blocks").contains(
                "examples/quickstart/src/main/java/io/github/nn4j/examples/quickstart/XorExample.java",
                "examples/quickstart/pom.xml#jvm-options", "examples/quickstart/pom.xml#surefire",
                "examples/quickstart/pom.xml#exec",
                "examples/quickstart/src/main/java/io/github/nn4j/examples/quickstart/MnistExample.java#mnist");
    }

    @Test
    void theExampleUsesTheVersionsBeingBuilt() throws IOException {
        Element example = RepositoryFiles.pom(RepositoryFiles.root().resolve("examples/quickstart/pom.xml"));
        assertThat(RepositoryFiles.text(example, "properties", "nn4j.version")).isEqualTo(RepositoryFiles.version());
        // the same plugin and test library versions as the main build, so that the example builds work offline
        String root = Files.readString(RepositoryFiles.root().resolve("pom.xml"));
        String pom = Files.readString(RepositoryFiles.root().resolve("examples/quickstart/pom.xml"));
        for (String plugin : new String[] {"maven-compiler-plugin", "maven-surefire-plugin"}) {
            String version = "<artifactId>" + plugin + "</artifactId>\\s*<version>([^<]+)</version>";
            assertThat(RepositoryFiles.find(pom, version)).as(plugin).isEqualTo(RepositoryFiles.find(root, version));
        }
        assertThat(RepositoryFiles.find(pom, "<artifactId>junit-bom</artifactId>\\s*<version>([^<]+)</version>"))
                .isEqualTo(RepositoryFiles.find(root, "<junit.version>([^<]+)</junit.version>"));
        assertThat(RepositoryFiles.find(pom, "<artifactId>assertj-core</artifactId>\\s*<version>([^<]+)</version>"))
                .isEqualTo(RepositoryFiles.find(root, "<assertj.version>([^<]+)</assertj.version>"));
        assertThat(RepositoryFiles.find(pom, "<artifactId>slf4j-simple</artifactId>\\s*<version>([^<]+)</version>"))
                .isEqualTo(RepositoryFiles.find(root, "<slf4j.version>([^<]+)</slf4j.version>"));
    }

    private static boolean isMarker(String line, String name) {
        String l = line.strip();
        return l.equals("<!-- README: " + name + " -->") || l.equals("// README: " + name);
    }

    @Test
    void theReadmesMavenSnippetsNameTheVersionBeingBuilt() throws IOException {
        String readme = Files.readString(RepositoryFiles.root().resolve("README.md"));
        Matcher m = Pattern.compile("<artifactId>(nn[\\w-]*)</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(readme);
        int found = 0;
        while (m.find()) {
            assertThat(m.group(2)).as(m.group(1)).isEqualTo(RepositoryFiles.version());
            found++;
        }
        assertThat(found).as("versions in the README's Maven snippets").isPositive();
    }

    /** The lines of {@code file} between {@code <!-- README: region -->} and {@code <!-- README: end -->}, dedented. */
    private static String region(Path file, String region) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isMarker(lines.get(i), region)) {
                start = i + 1;
                break;
            }
        }
        assertThat(start).as("region %s in %s", region, file).isPositive();
        int end = start;
        while (!isMarker(lines.get(end), "end")) {
            end++;
        }
        List<String> body = lines.subList(start, end);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : body) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
    }
}
