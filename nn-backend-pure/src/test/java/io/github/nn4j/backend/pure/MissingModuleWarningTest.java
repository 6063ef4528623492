package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM without the Vector API module is told so once, at WARN, with the option to add; a JVM with the module, or one
 * that switches SIMD off on purpose, is not. Each case runs in a fresh JVM (the warning is once per JVM).
 */
class MissingModuleWarningTest {

    @Test
    void aMissingModuleIsWarnedAboutOnceWithTheOptionToAdd() throws Exception {
        List<String> warnings = warnings(run());

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("WARN io.github.nn4j.backend.pure.KernelSelection")
                .contains("without the module jdk.incubator.vector")
                .contains("Add the JVM option '--add-modules jdk.incubator.vector'")
                .contains("-Dnn4j.pure.simd=false");
    }

    @Test
    void simdSwitchedOffOnPurposeOrTheModulePresentIsNotWarnedAbout() throws Exception {
        assertThat(warnings(run("-Dnn4j.pure.simd=false"))).isEmpty();
        assertThat(warnings(run("--add-modules", "jdk.incubator.vector"))).isEmpty();
    }

    private static List<String> warnings(String stderr) {
        return stderr.lines().filter(l -> l.contains(" WARN ")).toList();
    }

    /** Runs the probe in a fresh JVM with {@code options}; returns its standard error. */
    private static String run(String... options) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", classPath, MissingModuleWarningProbe.class.getName()));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(new String(out, StandardCharsets.UTF_8)).startsWith("selected=pure");
        return err;
    }
}
