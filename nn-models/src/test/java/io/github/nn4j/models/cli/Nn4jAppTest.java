package io.github.nn4j.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class Nn4jAppTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Nn4jApp.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("xor").contains("backends");
    }

    @Test
    void xorPrintsSolvedPredictionsAndTrainingTime() {
        assertThat(run("xor", "--backend", "pure")).isZero();
        assertThat(out.toString()).contains("Thresholded: 0 1 1 0 (XOR solved)").contains("training time")
                .contains("epoch  20000");
    }

    @Test
    void unknownBackendFailsWithTheListOfBackends() {
        assertThat(run("xor", "--backend", "nosuch")).isEqualTo(Nn4jApp.EXIT_BACKEND_UNAVAILABLE);
        assertThat(err.toString()).contains("No backend named 'nosuch'").contains("pure (available)");
    }

    @Test
    void backendsListsPureAsAvailable() {
        assertThat(run("backends")).isZero();
        assertThat(out.toString()).contains("pure").contains("yes").contains("* = selected");
    }
}
