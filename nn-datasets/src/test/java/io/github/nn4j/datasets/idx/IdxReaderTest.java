package io.github.nn4j.datasets.idx;

import static io.github.nn4j.datasets.testsupport.IdxTestFiles.gzip;
import static io.github.nn4j.datasets.testsupport.IdxTestFiles.head;
import static io.github.nn4j.datasets.testsupport.IdxTestFiles.imageBytes;
import static io.github.nn4j.datasets.testsupport.IdxTestFiles.labelBytes;
import static io.github.nn4j.datasets.testsupport.IdxTestFiles.randomPixels;
import static io.github.nn4j.datasets.testsupport.IdxTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private final byte[] pixels = randomPixels(7 * 4 * 3, 42);
    private final byte[] labels = {3, 1, 4, 1, 5, 9, 2};

    @Test
    void readsRawImagesAndLabelsBack() throws IOException {
        Path images = write(dir.resolve("img"), imageBytes(7, 4, 3, pixels));
        Path lab = write(dir.resolve("lab"), labelBytes(labels));

        IdxImages read = IdxReader.readImages(images);

        assertThat(read.count()).isEqualTo(7);
        assertThat(read.rows()).isEqualTo(4);
        assertThat(read.cols()).isEqualTo(3);
        assertThat(read.pixels()).containsExactly(pixels);
        assertThat(IdxReader.readLabels(lab)).containsExactly(labels);
    }

    @Test
    void readsGzippedFilesWhateverTheirName() throws IOException {
        Path images = write(dir.resolve("images-without-gz-suffix"), gzip(imageBytes(7, 4, 3, pixels)));
        Path lab = write(dir.resolve("labels.gz"), gzip(labelBytes(labels)));

        assertThat(IdxReader.readImages(images).pixels()).containsExactly(pixels);
        assertThat(IdxReader.readLabels(lab)).containsExactly(labels);
    }

    @Test
    void readsAnEmptySet() throws IOException {
        Path images = write(dir.resolve("img"), imageBytes(0, 28, 28, new byte[0]));
        assertThat(IdxReader.readImages(images).count()).isZero();
    }

    @Test
    void labelFileReadAsImagesIsABadMagicNumber() throws IOException {
        Path lab = write(dir.resolve("lab"), labelBytes(labels));

        assertThatThrownBy(() -> IdxReader.readImages(lab))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(lab.toString())
                .hasMessageContaining("bad magic number 0x00000801 at offset 0, expected 0x00000803")
                .hasMessageContaining("this is a label file");
    }

    @Test
    void garbageMagicIsReportedInHex() throws IOException {
        byte[] data = imageBytes(7, 4, 3, pixels);
        data[2] = 0x0D; // element type "int" instead of "unsigned byte"
        Path images = write(dir.resolve("img.gz"), gzip(data));

        assertThatThrownBy(() -> IdxReader.readImages(images))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("bad magic number 0x00000D03");
    }

    @Test
    void truncatedHeaderNamesTheOffset() throws IOException {
        Path images = write(dir.resolve("img"), head(imageBytes(7, 4, 3, pixels), 10));

        assertThatThrownBy(() -> IdxReader.readImages(images))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("truncated header: the file ends at offset 10 inside the rows (bytes 8..11)");
    }

    @Test
    void truncatedPixelsNameExpectedAndFound() throws IOException {
        Path images = write(dir.resolve("img"), head(imageBytes(7, 4, 3, pixels), 16 + 50));

        assertThatThrownBy(() -> IdxReader.readImages(images))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("7 images of 4x3 = 84 bytes from offset 16 to 100")
                .hasMessageContaining("the data ends at offset 66 (50 bytes found)");
    }

    @Test
    void truncatedLabels() throws IOException {
        Path lab = write(dir.resolve("lab"), head(labelBytes(labels), 8 + 3));

        assertThatThrownBy(() -> IdxReader.readLabels(lab))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("7 labels = 7 bytes from offset 8 to 15")
                .hasMessageContaining("ends at offset 11");
    }

    @Test
    void truncatedGzipStreamIsAnError() throws IOException {
        byte[] gz = gzip(imageBytes(7, 4, 3, pixels));
        Path images = write(dir.resolve("img.gz"), head(gz, gz.length - 12));

        assertThatThrownBy(() -> IdxReader.readImages(images))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("damaged or truncated gzip stream");
    }

    @Test
    void gzipWithCompleteIdxButCutTrailerIsAnError() throws IOException {
        // Only the 8-byte CRC/length trailer is missing: every IDX byte is there, yet the file is damaged.
        byte[] gz = gzip(imageBytes(7, 4, 3, pixels));
        Path images = write(dir.resolve("img.gz"), head(gz, gz.length - 4));

        assertThatThrownBy(() -> IdxReader.readImages(images))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("damaged or truncated gzip stream after offset 100 of the uncompressed IDX data");
    }

    @Test
    void gzipWithFlippedCrcIsAnError() throws IOException {
        byte[] gz = gzip(imageBytes(7, 4, 3, pixels));
        gz[gz.length - 6] ^= 0x5A; // inside the CRC-32 of the trailer
        Path images = write(dir.resolve("img.gz"), gz);

        assertThatThrownBy(() -> IdxReader.readImages(images))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("damaged or truncated gzip stream")
                .hasMessageContaining("Corrupt GZIP trailer");
    }

    @Test
    void dataAfterThePayloadIsAnError() throws IOException {
        byte[] data = imageBytes(7, 4, 3, pixels);
        Path images = write(dir.resolve("img"), Arrays.copyOf(data, data.length + 1));

        assertThatThrownBy(() -> IdxReader.readImages(images))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("unexpected data after offset 100");
    }

    @Test
    void negativeCountAndZeroRowsAreErrors() throws IOException {
        Path negative = write(dir.resolve("neg"), imageBytes(-1, 4, 3, new byte[0]));
        Path zeroRows = write(dir.resolve("zero"), imageBytes(7, 0, 3, pixels));

        assertThatThrownBy(() -> IdxReader.readImages(negative))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("bad image count -1 at offset 4");
        assertThatThrownBy(() -> IdxReader.readImages(zeroRows))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("bad rows 0 at offset 8");
    }

    @Test
    void hugeDeclaredSizeOfAShortFileIsTruncationNotOutOfMemory() throws IOException {
        Path images = write(dir.resolve("img"), imageBytes(2_000_000, 28, 28, pixels));

        assertThatThrownBy(() -> IdxReader.readImages(images))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("truncated")
                .hasMessageContaining("(84 bytes found)");
    }

    @Test
    void aDeclaredSizeBeyondLongIsTooLargeNotAWrappedSmallSize() throws IOException {
        // 2^31-1 images of (2^31-1)x4: the product does not fit a long and once wrapped round to a negative size
        Path images = write(dir.resolve("img"), imageBytes(Integer.MAX_VALUE, Integer.MAX_VALUE, 4, pixels));

        assertThatThrownBy(() -> IdxReader.readImages(images))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("= 18446744056529682436 bytes, more than a Java array holds");
    }
}
