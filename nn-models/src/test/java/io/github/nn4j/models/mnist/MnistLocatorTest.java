package io.github.nn4j.models.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLocatorTest {
    @TempDir
    Path root;

    private final TinyMnist tiny = new TinyMnist();

    MnistLocatorTest() throws IOException {
    }

    private MnistLocator offline(Path... dirs) {
        List<DataDirectory> path = new java.util.ArrayList<>();
        for (int i = 0; i < dirs.length; i++) {
            path.add(new DataDirectory(dirs[i], "dir" + i));
        }
        return new MnistLocator(tiny.catalog, path, root.resolve("cache"), null);
    }

    @Test
    void standardSearchPathIsDataOptionThenEnvThenSharedThenCache() {
        Path work = Path.of("/w/main");
        List<DataDirectory> path = MnistLocator.standardSearchPath(Path.of("/d"),
                Map.of("NN4J_DATA", "/e"), work, Path.of("/home/u"));

        assertThat(path).extracting(DataDirectory::path).containsExactly(
                Path.of("/d"), Path.of("/d/mnist"), Path.of("/e"), Path.of("/e/mnist"),
                Path.of("/w/shared/data/mnist"), Path.of("/home/u/.cache/nn4j/mnist"));
        assertThat(path).extracting(DataDirectory::origin).containsExactly(
                "--data", "--data", "NN4J_DATA", "NN4J_DATA", "../shared/data/mnist", "user cache");
    }

    @Test
    void cacheHonoursXdgCacheHome() {
        assertThat(MnistLocator.standardCacheDir(Map.of("XDG_CACHE_HOME", "/c"), Path.of("/home/u")))
                .isEqualTo(Path.of("/c/nn4j/mnist"));
        assertThat(MnistLocator.standardSearchPath(null, Map.of(), Path.of("/w/main"), Path.of("/home/u")))
                .extracting(DataDirectory::origin).containsExactly("../shared/data/mnist", "user cache");
    }

    @Test
    void firstCompleteDirectoryWinsAndPartialOnesAreSkipped() throws IOException {
        Path partial = root.resolve("partial");
        Path complete = root.resolve("complete");
        Path later = root.resolve("later");
        IdxTestFiles.write(partial.resolve(tiny.catalog.spec(MnistPart.TRAIN_IMAGES).gzName()),
                tiny.gz.get(MnistPart.TRAIN_IMAGES));
        tiny.writeGz(complete);
        tiny.writeGz(later);

        MnistFileSet found = offline(root.resolve("absent"), partial, complete, later).locate();

        assertThat(found.directory().path()).isEqualTo(complete);
        assertThat(found.file(MnistPart.TEST_LABELS)).isEqualTo(complete.resolve("tiny-test_labels.gz"));
    }

    @Test
    void rawFilesAreVerifiedByTheirOwnDigestAndLoad() throws IOException {
        Path dir = root.resolve("raw");
        tiny.writeRaw(dir);

        MnistFileSet found = offline(dir).locate();
        Mnist mnist = MnistLoader.load(found);

        assertThat(found.file(MnistPart.TRAIN_IMAGES)).isEqualTo(dir.resolve("tiny-train_images"));
        assertThat(mnist.train().count()).isEqualTo(TinyMnist.TRAIN);
        assertThat(mnist.test().count()).isEqualTo(TinyMnist.TEST);
        assertThat(mnist.test().label(13)).isEqualTo(3);
    }

    @Test
    void aDamagedFileIsAChecksumErrorNotASkip() throws IOException {
        Path dir = root.resolve("damaged");
        tiny.writeGz(dir);
        Path victim = dir.resolve("tiny-test_images.gz");
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length / 2] ^= 1;
        Files.write(victim, bytes);
        Path good = root.resolve("good");
        tiny.writeGz(good);

        assertThatThrownBy(() -> offline(dir, good).locate())
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining(victim.toString())
                .hasMessageContaining("expected " + tiny.catalog.spec(MnistPart.TEST_IMAGES).gzSha256())
                .hasMessageContaining("found " + TinyMnist.sha256(bytes));
    }

    @Test
    void offlineAndNowhereToBeFoundListsWhereItLooked() throws IOException {
        Path partial = root.resolve("partial");
        IdxTestFiles.write(partial.resolve("tiny-train_labels"), tiny.raw.get(MnistPart.TRAIN_LABELS));

        assertThatThrownBy(() -> offline(root.resolve("nothing"), partial).locate())
                .isInstanceOf(MnistNotFoundException.class)
                .hasMessageContaining("downloading is disabled")
                .hasMessageContaining(root.resolve("nothing") + " (dir0): no MNIST files")
                .hasMessageContaining(partial + " (dir1): missing [tiny-train_images.gz, tiny-test_images.gz, "
                        + "tiny-test_labels.gz]");
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        Path images = IdxTestFiles.write(root.resolve("i"), tiny.raw.get(MnistPart.TRAIN_IMAGES));
        Path labels = IdxTestFiles.write(root.resolve("l"), IdxTestFiles.labelBytes(new byte[TinyMnist.TRAIN - 1]));

        assertThatThrownBy(() -> MnistLoader.loadPair(images, labels))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(labels.toString())
                .hasMessageContaining("count mismatch: 49 labels, but " + images + " has 50 images");
    }

    @Test
    void aLabelThatIsNotADigitNamesItsOffset() throws IOException {
        byte[] labels = IdxTestFiles.cyclingLabels(TinyMnist.TRAIN);
        labels[17] = 10;
        Path images = IdxTestFiles.write(root.resolve("i"), tiny.raw.get(MnistPart.TRAIN_IMAGES));
        Path lab = IdxTestFiles.write(root.resolve("l"), IdxTestFiles.labelBytes(labels));

        assertThatThrownBy(() -> MnistLoader.loadPair(images, lab))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("label 10 at offset 25 (item 17) is not a digit 0..9");
    }
}
