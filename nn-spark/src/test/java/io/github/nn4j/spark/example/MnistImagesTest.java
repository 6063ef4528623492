package io.github.nn4j.spark.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistImagesTest {
    private static final List<String> NAMES = List.of("images.idx", "labels.idx");

    @TempDir
    Path dir;

    /** An IDX image file of {@code count} images of 2x3 pixels, pixel p of image i = 10 i + p. */
    private static byte[] images(int count) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * 6).putInt(0x803).putInt(count).putInt(2).putInt(3);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 6; p++) {
                b.put((byte) (10 * i + p));
            }
        }
        return b.array();
    }

    private static byte[] labels(int... digits) {
        ByteBuffer b = ByteBuffer.allocate(8 + digits.length).putInt(0x801).putInt(digits.length);
        for (int d : digits) {
            b.put((byte) d);
        }
        return b.array();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private MnistImages write(byte[] images, byte[] labels, int limit) throws IOException {
        Files.write(dir.resolve(NAMES.get(0)), images);
        Files.write(dir.resolve(NAMES.get(1)), labels);
        return MnistImages.read(dir, NAMES, limit);
    }

    @Test
    void readsGzippedAndRawFilesAndTheFirstImagesOnly() throws IOException {
        MnistImages all = write(gzip(images(3)), labels(7, 0, 9), Integer.MAX_VALUE);
        assertThat(all.count()).isEqualTo(3);
        assertThat(all.pixelsPerImage()).isEqualTo(6);
        assertThat(all.label(2)).isEqualTo(9);
        assertThat(all.scaled(1)).containsExactly(10 / 255f, 11 / 255f, 12 / 255f, 13 / 255f, 14 / 255f, 15 / 255f);

        MnistImages first = write(images(3), labels(7, 0, 9), 2);
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.labels()).containsExactly(7, 0);
        assertThat(first.scaled()).hasSize(12);
    }

    @Test
    void namesTheFileAndTheProblem() throws IOException {
        byte[] wrongMagic = images(2);
        wrongMagic[3] = 0x01;
        assertThatThrownBy(() -> write(wrongMagic, labels(1, 2), 10))
                .isInstanceOf(IOException.class).hasMessageContaining("images.idx: magic number 0x801 at offset 0");
        byte[] truncated = java.util.Arrays.copyOf(images(2), 20);
        assertThatThrownBy(() -> write(truncated, labels(1, 2), 10))
                .hasMessageContaining("images.idx: truncated at offset 20");
        byte[] trailing = java.util.Arrays.copyOf(images(2), 16 + 12 + 1);
        assertThatThrownBy(() -> write(trailing, labels(1, 2), 10))
                .hasMessageContaining("bytes after the payload its header declares, at offset 28");
        assertThatThrownBy(() -> write(images(2), labels(1, 12), 10))
                .hasMessageContaining("labels.idx: label 12 at offset 9 is not a digit");
        assertThatThrownBy(() -> write(images(2), labels(1, 2, 3), 10))
                .hasMessageContaining("3 labels, but").hasMessageContaining("has 2 images");
        byte[] zeroRows = images(2);
        zeroRows[11] = 0;
        assertThatThrownBy(() -> write(zeroRows, labels(1, 2), 10)).hasMessageContaining("rows is 0, must be positive");
    }

    @Test
    void damagedFilesEndInAnIoExceptionNeverAnotherError() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        byte[] good = images(4);
        byte[] goodGzip = gzip(good);
        int failures = 0;
        for (int round = 0; round < 400; round++) {
            byte[] file = (round % 2 == 0 ? good : goodGzip).clone();
            if (random.nextBoolean()) {
                file = java.util.Arrays.copyOf(file, random.nextInt(file.length));
            }
            for (int flips = random.nextInt(4); flips > 0 && file.length > 0; flips--) {
                file[random.nextInt(file.length)] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                MnistImages images = write(file, labels(1, 2, 3, 4), 1000);
                assertThat(images.pixels()).hasSize(images.count() * images.pixelsPerImage());
            } catch (IOException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                failures++;
            }
        }
        assertThat(failures).as("most damaged files are refused").isGreaterThan(200);
    }
}
