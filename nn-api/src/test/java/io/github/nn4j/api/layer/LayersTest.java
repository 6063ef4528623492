package io.github.nn4j.api.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.reference.TrackingBackend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the conformance suite's gradient and training checks leave out: construction, the initial weights'
 * distributions, misuse, names, and that closing a layer frees every tensor it allocated.
 */
class LayersTest {
    private final TrackingBackend be = new TrackingBackend();

    @Test
    void denseSizesMustBePositive() {
        assertThatThrownBy(() -> new Dense(be, 0, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive").hasMessageContaining("0 and 3");
        assertThatThrownBy(() -> new Dense(be, 3, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive").hasMessageContaining("3 and 0");
        try (Dense d = new Dense(be, 1, 1, 1)) {
            assertThat(d.inputs()).isEqualTo(1);
            assertThat(d.outputs()).isEqualTo(1);
        }
        try (Dense d = new Dense(be, 3, 2, 1)) {
            assertThat(d.inputs()).isEqualTo(3);
            assertThat(d.outputs()).isEqualTo(2);
            assertThat(d.toString()).isEqualTo("Dense(3→2)");
            assertThat(d.parameters()).containsExactly(d.weight(), d.bias());
            assertThat(d.weight().name()).isEqualTo("dense[3x2].weight");
            assertThat(d.bias().toString()).isEqualTo("dense[3x2].bias[1, 2]");
            assertThat(d.bias().value().toDoubleArray()).containsOnly(0.0);
        }
    }

    /** Glorot and He: uniform on ±sqrt(6 / fan) or normal with sd sqrt(2 / fan), fan = in + out or in. */
    @Test
    void weightInitScalesFollowGlorotAndHe() {
        assertThat(WeightInit.XAVIER_UNIFORM.scale(10, 6)).isEqualTo(Math.sqrt(6.0 / 16));
        assertThat(WeightInit.XAVIER_NORMAL.scale(10, 6)).isEqualTo(Math.sqrt(2.0 / 16));
        assertThat(WeightInit.HE_NORMAL.scale(10, 6)).isEqualTo(Math.sqrt(2.0 / 10));
        assertThat(WeightInit.HE_UNIFORM.scale(10, 6)).isEqualTo(Math.sqrt(6.0 / 10));
        assertThat(WeightInit.XAVIER_UNIFORM.isUniform()).isTrue();
        assertThat(WeightInit.HE_UNIFORM.isUniform()).isTrue();
        assertThat(WeightInit.XAVIER_NORMAL.isUniform()).isFalse();
        assertThat(WeightInit.HE_NORMAL.isUniform()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(WeightInit.class)
    void denseDrawsItsWeightsFromItsInit(WeightInit init) {
        int in = 300;
        int out = 100;
        double scale = init.scale(in, out);
        try (Dense d = new Dense(be, DType.FLOAT64, in, out, init, 7)) {
            double[] w = d.weight().value().toDoubleArray();
            double mean = Arrays.stream(w).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(w).map(v -> (v - mean) * (v - mean)).sum() / w.length);
            double max = Arrays.stream(w).map(Math::abs).max().orElseThrow();
            assertThat(mean).isCloseTo(0, org.assertj.core.data.Offset.offset(0.02 * scale));
            if (init.isUniform()) {
                assertThat(max).isLessThanOrEqualTo(scale).isGreaterThan(0.99 * scale);
                assertThat(sd).isCloseTo(scale / Math.sqrt(3), org.assertj.core.data.Offset.offset(0.02 * scale));
            } else {
                assertThat(sd).isCloseTo(scale, org.assertj.core.data.Offset.offset(0.02 * scale));
                assertThat(max).isGreaterThan(3 * scale);
            }
        }
    }

    @Test
    void misuseIsNamed() {
        try (Dense d = new Dense(be, 3, 2, 1); Tensor wrong = be.zeros(Shape.of(4, 5))) {
            assertThatThrownBy(() -> d.backward(wrong, true)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("before forward");
            assertThatThrownBy(() -> d.forward(wrong, true)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Dense(3→2)").hasMessageContaining("[4, 5]");
            try (Tensor rank1 = be.zeros(Shape.of(3))) {
                assertThatThrownBy(() -> d.forward(rank1, true)).isInstanceOf(IllegalArgumentException.class);
            }
        }
        try (ActivationLayer tanh = new Tanh(); Tensor g = be.zeros(Shape.of(2, 2))) {
            assertThatThrownBy(() -> tanh.backward(g, true)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Tanh");
            tanh.forward(g, true);
            assertThat(tanh.backward(g, false)).as("no input gradient requested").isNull();
        }
        try (Dense d = new Dense(be, 2, 2, 1); Tensor x = be.zeros(Shape.of(1, 2))) {
            d.forward(x, true);
            assertThat(d.backward(x, false)).isNull();
        }
    }

    @Test
    void activationLayersNameTheirFunction() {
        assertThat(new ReLU().function()).isEqualTo(Activation.RELU);
        assertThat(new Sigmoid().function()).isEqualTo(Activation.SIGMOID);
        assertThat(new Tanh().function()).isEqualTo(Activation.TANH);
        assertThat(new ReLU()).hasToString("ReLU");
        assertThat(new Sigmoid()).hasToString("Sigmoid");
        assertThat(new Tanh()).hasToString("Tanh");
        assertThat(new ActivationLayer(Activation.IDENTITY)).hasToString("Identity");
        assertThat(new ActivationLayer(Activation.IDENTITY).parameters()).isEmpty();
    }

    @Test
    void closingALayerFreesEverythingItAllocated() {
        try (Tensor x = be.randomUniform(DType.FLOAT32, Shape.of(5, 3), -1, 1, 1)) {
            int before = be.openTensors();
            Dense dense = new Dense(be, 3, 4, 1);
            Tensor y = dense.forward(x, true);
            ActivationLayer sigmoid = new Sigmoid();
            Tensor z = sigmoid.forward(y, true);
            sigmoid.backward(z, true);
            dense.backward(z, true);
            assertThat(be.openTensors()).isGreaterThan(before);
            sigmoid.close();
            dense.close();
            assertThat(be.openTensors()).as("tensors left open").isEqualTo(before);
        }
    }
}
