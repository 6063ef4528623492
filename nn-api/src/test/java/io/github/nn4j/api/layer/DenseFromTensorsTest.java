package io.github.nn4j.api.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DenseFromTensorsTest {
    private final Backend be = new ReferenceBackend();

    @Test
    void computesXwPlusBWithTheGivenValues() {
        try (Dense d = new Dense(be.fromMatrix(DType.FLOAT64, new double[][] {{1, 2}, {3, 4}, {5, 6}}),
                be.fromMatrix(DType.FLOAT64, new double[][] {{10, 20}}));
             Tensor x = be.fromMatrix(DType.FLOAT64, new double[][] {{1, 0, -1}})) {
            assertThat(d.inputs()).isEqualTo(3);
            assertThat(d.outputs()).isEqualTo(2);
            assertThat(d.forward(x, false).toDoubleArray()).containsExactly(6, 16);
        }
    }

    @Test
    void refusesValuesThatDoNotFit() {
        try (Tensor w = be.zeros(DType.FLOAT32, Shape.of(3, 2)); Tensor b3 = be.zeros(DType.FLOAT32, Shape.of(1, 3));
             Tensor b64 = be.zeros(DType.FLOAT64, Shape.of(1, 2)); Tensor v = be.zeros(DType.FLOAT32, Shape.of(2))) {
            assertThatThrownBy(() -> new Dense(w, b3)).hasMessageContaining("do not fit, expected [inputs, outputs] and [1, outputs]");
            assertThatThrownBy(() -> new Dense(w, v)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Dense(w, b64)).hasMessageContaining("differ in backend or dtype");
        }
    }
}
