package io.github.nn4j.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.datasets.files.ChecksumMismatchException;
import io.github.nn4j.datasets.files.Sha256Sums;
import io.github.nn4j.datasets.idx.IdxFormatException;
import io.github.nn4j.datasets.testsupport.IdxTestFiles;
import io.github.nn4j.datasets.testsupport.TinyMnist;
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
        Path file = IdxTestFiles.write(root.resolve("a-file"), new byte[1]);
        Files.createDirectories(root.resolve("empty"));

        assertThatThrownBy(() -> offline(root.resolve("nothing"), partial, file, root.resolve("empty")).locate())
                .isInstanceOf(MnistNotFoundException.class)
                .hasMessageStartingWith("MNIST was not found, and downloading is disabled (offline).\n"
                        + "Searched, in this order:\n"
                        + "  1. " + root.resolve("nothing") + " (dir0): does not exist\n"
                        + "  2. " + partial + " (dir1): only 1 of the four files (missing tiny-train_images.gz, "
                        + "tiny-test_images.gz, tiny-test_labels.gz)\n"
                        + "  3. " + file + " (dir2): is not a directory\n"
                        + "  4. " + root.resolve("empty") + " (dir3): none of the four files\n"
                        + "Expected in one directory, gzipped or not (without .gz): tiny-train_images.gz, "
                        + "tiny-train_labels.gz, tiny-test_images.gz, tiny-test_labels.gz.\n"
                        + "Get them from " + MnistLocator.DEFAULT_MIRROR);
    }

    @Test
    void aSha256SumsFileBesideTheDataIsWhatItIsVerifiedAgainst() throws IOException {
        Path dir = root.resolve("sums");
        tiny.writeRaw(dir);
        StringBuilder sums = new StringBuilder("# made by the test\n\n");
        for (MnistPart part : MnistPart.values()) {
            sums.append(TinyMnist.sha256(tiny.raw.get(part))).append(part.ordinal() % 2 == 0 ? "  " : " *")
                    .append(tiny.catalog.spec(part).rawName()).append('\n');
        }
        Files.writeString(dir.resolve(Sha256Sums.FILE_NAME), sums);
        // another data set: the same names, other bytes, and digests that only its SHA256SUMS knows
        MnistCatalog other = new MnistCatalog(java.util.Arrays.stream(MnistPart.values()).collect(
                java.util.stream.Collectors.toMap(p -> p, p -> new MnistFileSpec(tiny.catalog.spec(p).gzName(),
                        100, "0".repeat(64), tiny.catalog.spec(p).rawName(), "1".repeat(64)))));

        MnistFileSet asPublished = offline(dir).locate();
        MnistFileSet asOther = new MnistLocator(other, List.of(new DataDirectory(dir, "--data")), root, null).locate();

        assertThat(asPublished.verification()).isEqualTo(MnistFileSet.Verification.PUBLISHED_MNIST);
        assertThat(asPublished.official()).isTrue();
        assertThat(asOther.verification()).isEqualTo(MnistFileSet.Verification.SHA256SUMS);
        assertThat(asOther.official()).isFalse();
        assertThat(asOther.sha256(MnistPart.TEST_LABELS)).isEqualTo(TinyMnist.sha256(tiny.raw.get(MnistPart.TEST_LABELS)));

        byte[] damaged = tiny.raw.get(MnistPart.TEST_IMAGES).clone();
        damaged[damaged.length - 1] ^= 4;
        Path victim = IdxTestFiles.write(dir.resolve(tiny.catalog.spec(MnistPart.TEST_IMAGES).rawName()), damaged);
        assertThatThrownBy(() -> offline(dir).locate()).isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining(victim + ": SHA-256 mismatch, expected "
                        + TinyMnist.sha256(tiny.raw.get(MnistPart.TEST_IMAGES)) + ", found " + TinyMnist.sha256(damaged))
                .hasMessageContaining("the one listed in " + dir.resolve(Sha256Sums.FILE_NAME));

        MnistFileSet unverified = new MnistLocator(tiny.catalog, List.of(new DataDirectory(dir, "--data")), root, null,
                false).locate();
        assertThat(unverified.verification()).isEqualTo(MnistFileSet.Verification.NONE);
        assertThat(unverified.official()).isFalse();
        assertThat(unverified.sha256(MnistPart.TEST_IMAGES)).isEqualTo(TinyMnist.sha256(damaged));
    }

    @Test
    void aSha256SumsFileThatDoesNotListAFileOrIsMalformedIsAnErrorNamingIt() throws IOException {
        Path dir = root.resolve("sums");
        tiny.writeGz(dir);
        Path sums = dir.resolve(Sha256Sums.FILE_NAME);
        Files.writeString(sums, TinyMnist.sha256(tiny.gz.get(MnistPart.TRAIN_IMAGES)) + "  tiny-train_images.gz\n");
        assertThatThrownBy(() -> offline(dir).locate()).hasMessage(sums + " does not list tiny-train_labels.gz, so it "
                + "cannot be verified");

        Files.writeString(sums, "# ok\nnot a digest  tiny-train_images.gz\n");
        assertThatThrownBy(() -> offline(dir).locate()).hasMessage(sums + ": line 2 is not '<64 hex digits>  <file "
                + "name>': 'not a digest  tiny-train_images.gz'");

        Files.writeString(sums, "0".repeat(64) + "  ../elsewhere\n");
        assertThatThrownBy(() -> offline(dir).locate()).hasMessageContaining("line 1 names '../elsewhere', not a file "
                + "in the same directory");
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
