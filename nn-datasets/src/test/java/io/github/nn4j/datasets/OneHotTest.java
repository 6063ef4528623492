package io.github.nn4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

class OneHotTest {
    private final Backend backend = new ReferenceBackend();

    @Test
    void encodesEachLabelAsAOneInItsColumn() {
        try (Tensor t = OneHot.encode(backend, DType.FLOAT32, new int[] {2, 0, 1, 2}, 3)) {
            assertThat(t.shape()).isEqualTo(Shape.matrix(4, 3));
            assertThat(t.dtype()).isEqualTo(DType.FLOAT32);
            assertThat(t.toFloatArray()).containsExactly(
                    0, 0, 1,
                    1, 0, 0,
                    0, 1, 0,
                    0, 0, 1);
        }
        try (Tensor t = OneHot.encode(backend, DType.FLOAT64, new int[] {1}, 2)) {
            assertThat(t.dtype()).isEqualTo(DType.FLOAT64);
            assertThat(t.toDoubleArray()).containsExactly(0, 1);
        }
    }

    @Test
    void decodingTheEncodingGivesTheLabelsBack() {
        int[] labels = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 0};
        try (Tensor t = OneHot.encode(backend, DType.FLOAT32, labels, 10)) {
            assertThat(OneHot.decode(t)).containsExactly(labels);
            assertThat(OneHot.accuracy(t, labels)).isEqualTo(1.0);
        }
    }

    @Test
    void decodeTakesTheLargestScoreTheFirstOnTiesAndNaNOverAll() {
        try (Tensor scores = backend.fromArray(new float[] {
                0.1f, 0.7f, 0.2f,
                0.5f, 0.5f, 0.1f,
                -3f, -2f, -1f,
                0.9f, Float.NaN, 0.1f}, Shape.matrix(4, 3))) {
            assertThat(OneHot.decode(scores)).containsExactly(1, 0, 2, 1);
            assertThat(OneHot.accuracy(scores, new int[] {1, 0, 0, 0})).isEqualTo(0.5);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> OneHot.encode(backend, DType.FLOAT32, new int[] {0, 3, 1}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label 3 at position 1 is not a class in [0, 3)");
        assertThatThrownBy(() -> OneHot.encode(backend, DType.FLOAT32, new int[] {-1}, 3))
                .hasMessage("label -1 at position 0 is not a class in [0, 3)");
        assertThatThrownBy(() -> OneHot.encode(backend, DType.FLOAT32, new int[0], 3))
                .hasMessageContaining("no labels");
        assertThatThrownBy(() -> OneHot.encode(backend, DType.FLOAT32, new int[] {0}, 0))
                .hasMessageContaining("at least one class, got 0");
        try (Tensor scores = backend.zeros(Shape.matrix(2, 3))) {
            assertThatThrownBy(() -> OneHot.accuracy(scores, new int[] {0, 1, 2}))
                    .hasMessage("accuracy: 2 rows of scores but 3 labels");
        }
        try (Tensor vector = backend.zeros(Shape.of(3))) {
            assertThatThrownBy(() -> OneHot.decode(vector)).hasMessageContaining("got shape [3]");
        }
    }
}
