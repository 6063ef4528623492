package io.github.nn4j.datasets.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.nn4j.datasets.testsupport.IdxTestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomly damaged IDX files, raw and gzipped: each is either read whole and consistent, or rejected with an
 * {@link IdxFormatException} naming the file; never another exception, an {@code OutOfMemoryError} or a hang.
 */
class IdxReaderFuzzTest {
    private static final int ROUNDS = 1500;

    @TempDir
    Path dir;

    @Test
    void damagedImageFilesAreReadConsistentlyOrRejectedWithTheFileNamed() throws IOException {
        byte[] valid = IdxTestFiles.imageBytes(6, 5, 4, IdxTestFiles.randomPixels(6 * 5 * 4, 7));
        int rejected = fuzz(valid, 11, file -> {
            IdxImages images = IdxReader.readImages(file);
            assertThat((long) images.count() * images.rows() * images.cols()).isEqualTo(images.pixels().length);
        });
        assertThat(rejected).isBetween(ROUNDS / 3, ROUNDS - 1);
    }

    @Test
    void damagedLabelFilesAreReadConsistentlyOrRejectedWithTheFileNamed() throws IOException {
        byte[] valid = IdxTestFiles.labelBytes(IdxTestFiles.cyclingLabels(40));
        int rejected = fuzz(valid, 13, file -> assertThat(IdxReader.readLabels(file)).isNotNull());
        assertThat(rejected).isBetween(ROUNDS / 3, ROUNDS - 1);
    }

    private interface Read {
        void run(Path file) throws IOException;
    }

    /** Damages {@code valid} (raw or gzipped) ROUNDS times; returns how many were rejected. */
    private int fuzz(byte[] valid, long seed, Read read) throws IOException {
        byte[] gzipped = IdxTestFiles.gzip(valid);
        SplittableRandom random = new SplittableRandom(seed);
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = (round % 2 == 0 ? valid : gzipped).clone();
            switch (random.nextInt(4)) {
                case 0 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length)); // cut short
                case 1 -> bytes = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(8)); // trailing bytes
                default -> {
                    int edits = 1 + random.nextInt(4);
                    for (int e = 0; e < edits; e++) {
                        // the header (dimensions, magic) is hit half the time
                        int at = random.nextBoolean() ? random.nextInt(Math.min(16, bytes.length))
                                : random.nextInt(bytes.length);
                        bytes[at] = (byte) random.nextInt(256);
                    }
                }
            }
            Path file = Files.write(dir.resolve("fuzz-" + round + (round % 2 == 0 ? "" : ".gz")), bytes);
            try {
                read.run(file);
            } catch (IdxFormatException e) {
                rejected++;
                assertThat(e.getMessage()).startsWith(file.toString());
                assertThat(e.file()).isEqualTo(file);
            } catch (IOException | RuntimeException e) {
                fail("round " + round + ": " + file + " gave " + e + " instead of an IdxFormatException", e);
            }
            Files.delete(file);
        }
        return rejected;
    }
}
