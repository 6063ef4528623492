package io.github.nn4j.spark.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.datasets.LabeledImages;
import io.github.nn4j.datasets.idx.IdxImages;
import org.junit.jupiter.api.Test;

class MnistImagesTest {

    /** Three images of 2x3 pixels, pixel p of image i = 10 i + p + 200 (above 127, so a sign slip would show). */
    private static LabeledImages three() {
        byte[] pixels = new byte[3 * 6];
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 6; p++) {
                pixels[i * 6 + p] = (byte) (200 + 10 * i + p);
            }
        }
        return new LabeledImages(new IdxImages(3, 2, 3, pixels), new byte[] {7, 0, 9}, 10);
    }

    @Test
    void takesTheFirstImagesWithTheirLabelsAndScalesUnsignedBytes() {
        MnistImages two = MnistImages.of(three(), 2);
        assertThat(two.count()).isEqualTo(2);
        assertThat(two.rows()).isEqualTo(2);
        assertThat(two.cols()).isEqualTo(3);
        assertThat(two.label(0)).isEqualTo(7);
        assertThat(two.label(1)).isZero();
        assertThat(two.scaled(1)).containsExactly(210 / 255f, 211 / 255f, 212 / 255f, 213 / 255f, 214 / 255f,
                215 / 255f);
        assertThat(two.scaled()).hasSize(12).startsWith(200 / 255f);
    }

    @Test
    void aLimitBeyondTheSetTakesItAll() {
        MnistImages all = MnistImages.of(three(), Integer.MAX_VALUE);
        assertThat(all.count()).isEqualTo(3);
        assertThat(all.label(2)).isEqualTo(9);
        assertThat(all.scaled(2)[5]).isEqualTo(225 / 255f);
    }
}
