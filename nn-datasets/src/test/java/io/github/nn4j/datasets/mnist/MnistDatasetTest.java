package io.github.nn4j.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.datasets.files.ChecksumMismatchException;
import io.github.nn4j.datasets.files.Sha256Sums;
import io.github.nn4j.datasets.testsupport.SyntheticDigits;
import io.github.nn4j.datasets.testsupport.TinyMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-call entry point, on data sets written for the test (the real MNIST: {@link RealMnistTest}). */
class MnistDatasetTest {
    @TempDir
    Path dir;

    @Test
    void loadsADirectoryVerifiedByItsSha256SumsAsTensors() throws IOException {
        SyntheticDigits.write(dir, 30, 20, true);

        Mnist data = MnistDataset.load(dir);

        assertThat(data.train().count()).isEqualTo(30);
        assertThat(data.test().count()).isEqualTo(20);
        try (Tensor x = data.train().images(new ReferenceBackend());
                Tensor y = data.train().oneHotLabels(new ReferenceBackend())) {
            assertThat(x.shape()).isEqualTo(Shape.matrix(30, 28 * 28));
            assertThat(y.shape()).isEqualTo(Shape.matrix(30, Mnist.CLASSES));
        }
        MnistFileSet files = MnistDataset.options().directory(dir).locate();
        assertThat(files.verification()).isEqualTo(MnistFileSet.Verification.SHA256SUMS);
        assertThat(files.official()).isFalse();
    }

    @Test
    void theMnistSubDirectoryIsAcceptedToo() throws IOException {
        SyntheticDigits.write(Files.createDirectories(dir.resolve("mnist")), 30, 20, true);

        assertThat(MnistDataset.load(dir).train().count()).isEqualTo(30);
    }

    @Test
    void filesUnderMnistNamesThatAreNotMnistFailVerificationUnlessItIsOff() throws IOException {
        SyntheticDigits.write(dir, 30, 20, false);

        assertThatThrownBy(() -> MnistDataset.load(dir))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining("train-images-idx3-ubyte")
                .hasMessageContaining(Sha256Sums.FILE_NAME);
        MnistFileSet unchecked = MnistDataset.options().directory(dir).verify(false).locate();
        assertThat(unchecked.verification()).isEqualTo(MnistFileSet.Verification.NONE);
        assertThat(MnistDataset.options().directory(dir).verify(false).load().test().count()).isEqualTo(20);
        assertThat(Files.list(dir)).hasSize(4); // nothing moved aside, renamed or downloaded
    }

    @Test
    void aDirectoryWithoutTheFilesIsNotFoundAndNothingIsDownloaded() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> MnistDataset.options().directory(empty).load())
                .isInstanceOf(MnistNotFoundException.class)
                .hasMessageContaining("downloading is disabled")
                .hasMessageContaining(empty + " (directory): none of the four files")
                .hasMessageContaining(empty.resolve("mnist") + " (directory): does not exist");
        assertThat(Files.list(empty)).isEmpty();
    }

    @Test
    void anotherCatalogIsLookedForUnderItsOwnNames() throws IOException {
        TinyMnist tiny = new TinyMnist();
        tiny.writeGz(dir);

        Mnist data = MnistDataset.options().directory(dir).catalog(tiny.catalog).load();

        assertThat(data.train().count()).isEqualTo(TinyMnist.TRAIN);
        assertThat(data.train().rows()).isEqualTo(TinyMnist.SIDE);
    }

    @Test
    void aMirrorMustBeAnHttpUrl() {
        assertThatThrownBy(() -> MnistDataset.options().mirror(java.net.URI.create("ftp://example.org/mnist/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http:// or https://");
    }
}
