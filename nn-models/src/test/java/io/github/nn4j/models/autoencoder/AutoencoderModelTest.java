package io.github.nn4j.models.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendStatus;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.persist.ModelFormatException;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.testsupport.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's autoencoder through a model file: every backend's file loads on every backend. */
class AutoencoderModelTest {
    private static final List<String> BACKENDS = List.of("pure", "jblas", "nd4j");

    @TempDir
    Path dir;

    private static Backend backend(String name) {
        BackendStatus status = Backends.describe().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        Requirement.NATIVE.check(status.available(), name + " unavailable: " + status.reason());
        return Backends.get(name);
    }

    @Test
    void anAutoencoderSavedOnAnyBackendLoadsOnEveryBackendWithTheSameCodes() throws Exception {
        for (String from : BACKENDS) {
            Backend source = backend(from);
            AutoencoderModel model;
            float[] expected;
            try (MnistAutoencoder ae = new MnistAutoencoder(source, 784, 32, 16, 5);
                 Tensor x = source.randomUniform(DType.FLOAT32, Shape.of(40, 784), 0, 1, 6)) {
                ae.train(x, 0.05, TrainingConfig.builder(2).batchSize(8).seed(1).build());
                model = AutoencoderModel.of(ae.network());
                try (Tensor codes = ae.encode(x)) {
                    expected = codes.toFloatArray();
                }
            }
            Path file = Files.write(dir.resolve(from + ".safetensors"), model.bytes());
            AutoencoderModel read = AutoencoderModel.read(file);
            assertThat(read.sha256()).isEqualTo(model.sha256());
            assertThat(read.loaded()).isTrue();
            for (String to : BACKENDS) {
                Backend target = backend(to);
                try (MnistAutoencoder ae = MnistAutoencoder.load(read, target);
                     Tensor x = target.randomUniform(DType.FLOAT32, Shape.of(40, 784), 0, 1, 6);
                     Tensor codes = ae.encode(x)) {
                    assertThat(ae.hidden()).isEqualTo(32);
                    assertThat(ae.latent()).isEqualTo(16);
                    float[] actual = codes.toFloatArray();
                    for (int i = 0; i < actual.length; i++) {
                        // FLOAT32 conformance tolerance (1e-5 relative, 1e-6 absolute) scaled by the fan-in of 784
                        assertThat(Math.abs(actual[i] - expected[i])).as("%s -> %s, code %d", from, to, i)
                                .isLessThanOrEqualTo(1e-6f + 1e-5f * 784 * Math.max(1, Math.abs(expected[i])));
                        if (from.equals(to)) {
                            assertThat(actual[i]).as("same backend: bit for bit").isEqualTo(expected[i]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aModelThatIsNotAnMnistAutoencoderIsRefusedNamingTheFile() throws Exception {
        Backend be = Backends.get("pure");
        Path file = dir.resolve("other.safetensors");
        try (Network net = Network.of(new Dense(be, 784, 10, 1), new Sigmoid())) {
            ModelFiles.save(net, file);
        }
        assertThatThrownBy(() -> AutoencoderModel.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessage(file + ": not an autoencoder of this app: its layers are [Dense, Sigmoid], expected "
                        + "[Dense, ReLU, Dense, ReLU, Dense, ReLU, Dense, Sigmoid]");
        try (Network net = Network.of(new Dense(be, 10, 4, 1), new ReLU(), new Dense(be, 4, 2, 2), new ReLU(),
                new Dense(be, 2, 4, 3), new ReLU(), new Dense(be, 4, 10, 4), new Sigmoid())) {
            ModelFiles.save(net, file);
        }
        assertThatThrownBy(() -> AutoencoderModel.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("an autoencoder of 10 inputs; MNIST images have 784 pixels");
        try (Network net = Network.of(new Dense(be, 784, 4, 1), new ReLU(), new Dense(be, 4, 2, 2), new ReLU(),
                new Dense(be, 2, 5, 3), new ReLU(), new Dense(be, 5, 784, 4), new Sigmoid())) {
            ModelFiles.save(net, file);
        }
        assertThatThrownBy(() -> AutoencoderModel.read(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("not a symmetric autoencoder: layer 4 is Dense {\"inputs\":2,\"outputs\":5}");
        try (MnistAutoencoder ae = MnistAutoencoder.standard(be, 1); Sgd sgd = new Sgd(0.1);
             Tensor x = be.randomUniform(DType.FLOAT32, Shape.of(4, 784), 0, 1, 1)) {
            ae.network().fit(x, x, new MeanSquaredError(), sgd, TrainingConfig.builder(1).build());
            ModelFiles.save(ae.network(), file);
        }
        assertThat(AutoencoderModel.read(file).loadedFrom()).isEqualTo(file);
    }
}
