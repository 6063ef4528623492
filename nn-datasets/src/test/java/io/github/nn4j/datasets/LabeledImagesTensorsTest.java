package io.github.nn4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.datasets.idx.IdxImages;
import org.junit.jupiter.api.Test;

/** Labelled images as the tensors a network trains on. */
class LabeledImagesTensorsTest {
    private final Backend backend = new ReferenceBackend();
    /** Three 2x2 images, pixels 0, 51, 255, ...; labels 2, 0, 1 of three classes. */
    private final LabeledImages set = new LabeledImages(new IdxImages(3, 2, 2,
            new byte[] {0, 51, (byte) 255, 102, 1, 2, 3, 4, (byte) 128, 0, 0, (byte) 200}), new byte[] {2, 0, 1}, 3);

    @Test
    void imagesAreOneRowPerImageScaledToTheUnitInterval() {
        try (Tensor x = set.images(backend)) {
            assertThat(x.shape()).isEqualTo(Shape.matrix(3, 4));
            assertThat(x.dtype()).isEqualTo(DType.FLOAT32);
            assertThat(x.toFloatArray()).containsExactly(set.scaledPixels());
            assertThat(x.toFloatArray()[2]).isEqualTo(1f);
            assertThat(x.toFloatArray()[1]).isEqualTo(0.2f);
        }
        try (Tensor x = set.images(backend, DType.FLOAT64)) {
            assertThat(x.dtype()).isEqualTo(DType.FLOAT64);
            assertThat(x.toDoubleArray()[1]).isEqualTo(51 / 255.0);
            assertThat(x.toDoubleArray()[11]).isEqualTo(200 / 255.0);
        }
    }

    @Test
    void labelsAreOneHotRows() {
        try (Tensor y = set.oneHotLabels(backend)) {
            assertThat(y.shape()).isEqualTo(Shape.matrix(3, 3));
            assertThat(y.toFloatArray()).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0);
            assertThat(OneHot.decode(y)).containsExactly(set.labels());
        }
    }

    @Test
    void anEmptySetHasNoTensorAndSaysSo() {
        LabeledImages empty = set.select(new int[0]);
        assertThatThrownBy(() -> empty.images(backend)).hasMessageContaining("no images");
        assertThatThrownBy(() -> empty.oneHotLabels(backend)).hasMessageContaining("no images");
    }
}
