package io.github.nn4j.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.testsupport.Requirement;
import io.github.nn4j.datasets.mnist.Mnist;
import io.github.nn4j.datasets.mnist.MnistDataset;
import io.github.nn4j.datasets.mnist.MnistNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the digit classifier briefly on the real MNIST: from the directory in {@code -Dnn4j.mnist.dir}, else from
 * the standard places without downloading. Skipped when MNIST is absent, failed then under
 * {@code -Dnn4j.test.require=mnist}.
 */
class MnistExampleTest {
    @TempDir
    Path dir;

    @Test
    void aShortTrainingClassifiesMostTestDigitsAndTheSavedModelScoresTheSame() throws IOException {
        Mnist mnist = mnistOrSkip();
        Path file = dir.resolve("classifier.safetensors");

        MnistExample.Result r = MnistExample.run(Backends.get(), mnist, 10_000, 2, file);
        System.out.printf("%s: test accuracy %.4f after 2 epochs on 10,000 images, trained in %.2f s%n",
                Backends.get().name(), r.accuracy(), r.seconds());

        assertThat(r.accuracy()).isGreaterThan(0.90);
        assertThat(r.loadedAccuracy()).isEqualTo(r.accuracy());
        assertThat(Files.size(file)).isGreaterThan(4L * (784 * 64 + 64 * 10));
    }

    @Test
    void mnistComesWithoutSmileOrAnyOtherGplCode() {
        // nn-datasets is Apache-2.0 and brings nn-api and SLF4J only; Smile (GPL-3.0) stays in the app's nn-models
        assertThatThrownBy(() -> Class.forName("smile.base.svm.LASVM")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.github.nn4j.models.cli.Nn4jApp"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static Mnist mnistOrSkip() throws IOException {
        String dir = System.getProperty("nn4j.mnist.dir", "");
        try {
            return dir.isBlank() ? MnistDataset.options().offline().load() : MnistDataset.load(Path.of(dir));
        } catch (MnistNotFoundException e) {
            Requirement.MNIST.check(false, "MNIST not found: " + e.getMessage());
            throw e;
        }
    }
}
