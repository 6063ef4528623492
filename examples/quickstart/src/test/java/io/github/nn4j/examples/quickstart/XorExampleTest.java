package io.github.nn4j.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backends;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Runs the README's sample on the backend the Maven profile put on the class path. */
class XorExampleTest {

    @Test
    void theProfilesBackendIsTheOneSelected() {
        String expected = System.getProperty("expected.backend");
        assertThat(expected).as("set by the pom's profile").isNotBlank();
        assertThat(Backends.get().name()).isEqualTo(expected);
        if (expected.equals("pure")) {
            // the surefire argLine of the pom (the README's) gives the pure backend its SIMD kernels
            assertThat(Backends.get().description()).contains("Vector API");
        }
    }

    @Test
    void theSampleLearnsXor() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            XorExample.main(new String[0]);
        } finally {
            System.setOut(stdout);
        }
        String line = captured.toString(StandardCharsets.UTF_8).strip();
        System.out.println(line);

        // "pure: [0.0033, 0.9925, 0.9913, 0.0088] loss 3.5E-5"
        assertThat(line).startsWith(Backends.get().name() + ": [");
        double[] p = Arrays.stream(line.substring(line.indexOf('[') + 1, line.indexOf(']')).split(","))
                .mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        double loss = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        assertThat(p).hasSize(4);
        assertThat(p[0]).isLessThan(0.05);
        assertThat(p[1]).isGreaterThan(0.95);
        assertThat(p[2]).isGreaterThan(0.95);
        assertThat(p[3]).isLessThan(0.05);
        assertThat(loss).isBetween(0.0, 1e-3);
    }
}
