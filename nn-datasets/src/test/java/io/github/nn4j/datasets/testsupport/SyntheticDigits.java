package io.github.nn4j.datasets.testsupport;

import io.github.nn4j.datasets.files.Sha256Sums;
import io.github.nn4j.datasets.mnist.MnistCatalog;
import io.github.nn4j.datasets.mnist.MnistFileSpec;
import io.github.nn4j.datasets.mnist.MnistPart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A made-up data set in MNIST's layout for tests of the whole app: 28x28 grey images whose class (0 to 9) decides
 * where a bright bar lies, plus noise, so that the classes can be learnt; written as the four uncompressed IDX files
 * under MNIST's names, optionally with a {@code SHA256SUMS} file beside them.
 */
public final class SyntheticDigits {
    /** Side of an image. */
    public static final int SIDE = 28;

    private SyntheticDigits() {
    }

    /** Writes {@code train} training and {@code test} test images into {@code dir}; returns {@code dir}. */
    public static Path write(Path dir, int train, int test, boolean withSha256Sums) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder sums = new StringBuilder();
        for (boolean isTrain : new boolean[] {true, false}) {
            int n = isTrain ? train : test;
            byte[] labels = IdxTestFiles.cyclingLabels(n);
            byte[] pixels = new byte[n * SIDE * SIDE];
            for (int i = 0; i < n; i++) {
                int row = 2 + 2 * labels[i] + random.nextInt(2);
                for (int p = 0; p < SIDE * SIDE; p++) {
                    boolean bar = p / SIDE == row && p % SIDE >= 4 && p % SIDE < 24;
                    pixels[i * SIDE * SIDE + p] = (byte) (bar ? 200 + random.nextInt(56) : random.nextInt(40));
                }
            }
            MnistFileSpec images = MnistCatalog.OFFICIAL.spec(isTrain ? MnistPart.TRAIN_IMAGES : MnistPart.TEST_IMAGES);
            MnistFileSpec lab = MnistCatalog.OFFICIAL.spec(isTrain ? MnistPart.TRAIN_LABELS : MnistPart.TEST_LABELS);
            byte[] imageBytes = IdxTestFiles.imageBytes(n, SIDE, SIDE, pixels);
            byte[] labelBytes = IdxTestFiles.labelBytes(labels);
            IdxTestFiles.write(dir.resolve(images.rawName()), imageBytes);
            IdxTestFiles.write(dir.resolve(lab.rawName()), labelBytes);
            sums.append(TinyMnist.sha256(imageBytes)).append("  ").append(images.rawName()).append('\n');
            sums.append(TinyMnist.sha256(labelBytes)).append(" *").append(lab.rawName()).append('\n');
        }
        if (withSha256Sums) {
            Files.writeString(dir.resolve(Sha256Sums.FILE_NAME), sums.toString(), StandardCharsets.UTF_8);
        }
        return dir;
    }
}
