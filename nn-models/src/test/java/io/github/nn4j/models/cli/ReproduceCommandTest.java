package io.github.nn4j.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReproduceCommandTest {
    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The command, searching only below {@code root} (no environment, a fresh home and working directory). */
    private int run(String... args) {
        ReproduceCommand command = new ReproduceCommand();
        command.environment = Map.of();
        command.userHome = root.resolve("home");
        command.workingDirectory = root.resolve("work/main");
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void helpDocumentsEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--backend", "--epochs", "--batch-size", "--seed", "--data",
                "--offline", "--quick", "--out", "--mirror", "--model", "REPORT.md", "confusion-matrix.png",
                "autoencoder.safetensors");
    }

    @Test
    void aModelThatIsNotThereOrDamagedStopsBeforeAnyWork() throws Exception {
        Path missing = root.resolve("none.safetensors");
        assertThat(run("--model", missing.toString(), "--backend", "pure", "--offline")).isEqualTo(ReproduceCommand.EXIT_MODEL);
        assertThat(err.toString()).contains("error: cannot use --model: " + missing.toAbsolutePath().normalize() + ": no such file");

        Path damaged = java.nio.file.Files.write(root.resolve("damaged.safetensors"), new byte[] {1, 2, 3});
        assertThat(run("--model", damaged.toString(), "--backend", "pure", "--offline")).isEqualTo(ReproduceCommand.EXIT_MODEL);
        assertThat(err.toString()).contains("error: cannot use --model: " + damaged.toAbsolutePath().normalize() + ": too short for a safetensors file");
        assertThat(out.toString()).doesNotContain("MNIST from");

        Path endless = Path.of("/dev/zero");
        if (java.nio.file.Files.isReadable(endless)) {
            assertThat(run("--model", endless.toString(), "--backend", "pure", "--offline")).isEqualTo(ReproduceCommand.EXIT_MODEL);
            assertThat(err.toString()).contains("error: cannot use --model: /dev/zero: too short for a safetensors file");
        }
    }

    @Test
    void offlineWithoutDataFailsNamingEveryPlaceItLooked() {
        Path data = root.resolve("my-data");

        int exit = run("--offline", "--backend", "pure", "--data", data.toString(), "--out",
                root.resolve("report").toString());

        assertThat(exit).isEqualTo(ReproduceCommand.EXIT_DATA);
        assertThat(err.toString())
                .contains("MNIST was not found and downloading is disabled")
                .contains(data + " (--data): no MNIST files")
                .contains(root.resolve("work/shared/data/mnist") + " (../shared/data/mnist)")
                .contains(root.resolve("home/.cache/nn4j/mnist") + " (user cache)");
        assertThat(root.resolve("report")).doesNotExist();
    }
}
