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
    void xorWithAHugeLearningRateSaysWhatWentWrong() {
        assertThat(run("xor", "--backend", "pure", "--learning-rate", "1e6", "--epochs", "30")).isEqualTo(1);
        assertThat(out.toString()).contains("NOT solved")
                .contains("warning, epoch 1: a parameter has magnitude")
                .contains("warning, epoch 11: training has stalled");
    }

    @Test
    void xorRefusesBadOptionValuesBeforeTraining() {
        String[][] cases = {{"--epochs", "0"}, {"--learning-rate", "0"}, {"--learning-rate", "Infinity"},
            {"--learning-rate", "NaN"}, {"--log-every", "-1"}};
        for (String[] c : cases) {
            err.getBuffer().setLength(0);
            out.getBuffer().setLength(0);

            assertThat(run("xor", "--backend", "pure", c[0], c[1])).as(c[0] + " " + c[1]).isEqualTo(2);

            assertThat(err.toString()).startsWith("Invalid value for option '" + c[0] + "': " + c[1] + " (must be ");
            assertThat(out.toString()).isEmpty();
        }
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
