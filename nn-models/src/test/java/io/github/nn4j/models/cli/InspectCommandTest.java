package io.github.nn4j.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.datasets.files.Sha256;
import io.github.nn4j.models.autoencoder.MnistAutoencoder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Backend be = Backends.get("pure");

    private int run(String... args) {
        CommandLine cl = Nn4jApp.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void printsArchitectureParametersDtypeTensorsAndChecksum() throws Exception {
        Path file = dir.resolve("autoencoder.safetensors");
        try (MnistAutoencoder ae = MnistAutoencoder.standard(be, 42)) {
            ModelFiles.save(ae.network(), file);
        }
        assertThat(run("inspect", file.toString())).isZero();
        assertThat(out.toString())
                .contains(file.toString())
                .contains("SHA-256       " + Sha256.of(file))
                .contains("format version 1, written by nn4j 0.1.0")
                .contains("dtype         F32 (FLOAT32)")
                .contains("parameters    218,192") // 784·128 + 128 + 128·64 + 64 + 64·128 + 128 + 128·784 + 784
                .contains("Architecture (8 layers):")
                .contains("   0  Dense    {\"inputs\":784,\"outputs\":128}")
                .contains("   7  Sigmoid")
                .containsPattern("layers\\.0\\.weight +F32 +\\[784, 128\\] +401,408 +\\[0, 401408\\)")
                .contains("layers.6.bias");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aCheckpointShowsItsOptimizerAndProgress() throws Exception {
        Path file = dir.resolve("run.safetensors");
        try (MnistAutoencoder ae = new MnistAutoencoder(be, 784, 8, 4, 1); Adam adam = new Adam(0.001);
             Tensor x = be.randomUniform(io.github.nn4j.api.tensor.DType.FLOAT32, Shape.of(10, 784), 0, 1, 2)) {
            ae.network().fit(x, x, new MeanSquaredError(), adam, TrainingConfig.builder(2).batchSize(5).seed(3).build());
            ModelFiles.save(ae.network(), adam, file);
        }
        assertThat(run("inspect", file.toString())).isZero();
        assertThat(out.toString()).contains("checkpoint    optimizer Adam {\"learning_rate\":0.001,\"beta1\":0.9,"
                        + "\"beta2\":0.999,\"epsilon\":1.0E-8} after 4 steps")
                .contains("training      after epoch 2 (seed 3, batch size 5, shuffled, 10 samples)")
                .contains("optimizer.layers.0.weight.m");
    }

    @Test
    void aDamagedFileFailsWithTheLoadersMessage() throws Exception {
        Path file = dir.resolve("model.safetensors");
        try (MnistAutoencoder ae = MnistAutoencoder.standard(be, 42)) {
            byte[] bytes = ModelFiles.toBytes(ae.network());
            Files.write(file, Arrays.copyOf(bytes, bytes.length - 100));
        }
        assertThat(run("inspect", file.toString())).isEqualTo(InspectCommand.EXIT_MODEL);
        assertThat(err.toString()).startsWith("error: " + file + ": truncated: the tensors need");
        assertThat(out.toString()).isEmpty();
        assertThat(run("inspect", dir.resolve("absent").toString())).isEqualTo(InspectCommand.EXIT_MODEL);
        assertThat(err.toString()).contains(dir.resolve("absent") + ": no such file");
    }
}
