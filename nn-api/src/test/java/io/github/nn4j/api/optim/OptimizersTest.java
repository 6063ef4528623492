package io.github.nn4j.api.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.reference.TrackingBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the conformance suite's training checks leave out: the hyper-parameters' valid ranges, names, and that closing
 * an optimizer frees its state and starts it afresh.
 */
class OptimizersTest {
    private final TrackingBackend be = new TrackingBackend();

    @Test
    void sgdAcceptsExactlyItsValidRange() {
        for (double lr : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new Sgd(lr)).as("lr %s", lr).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("learning rate");
        }
        for (double mu : new double[] {-0.1, 1, Double.NaN}) {
            assertThatThrownBy(() -> new Sgd(0.1, mu)).as("momentum %s", mu)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("momentum");
        }
        assertThat(new Sgd(Double.MIN_VALUE).learningRate()).isEqualTo(Double.MIN_VALUE);
        assertThat(new Sgd(0.5, 0).learningRate()).isEqualTo(0.5);
        assertThat(new Sgd(0.5, 0.999)).hasToString("Sgd(lr=0.5, momentum=0.999)");
        assertThat(new Sgd(0.5)).hasToString("Sgd(lr=0.5)");
        assertThat(new io.github.nn4j.api.loss.MeanSquaredError()).hasToString("MeanSquaredError(per sample)");
        assertThat(io.github.nn4j.api.loss.MeanSquaredError.perElement()).hasToString("MeanSquaredError(per element)");
    }

    @Test
    void adamAcceptsExactlyItsValidRange() {
        assertThatThrownBy(() -> new Adam(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lr=0");
        double[][] bad = {{0.1, -0.1, 0.9, 1e-8}, {0.1, 1, 0.9, 1e-8}, {0.1, 0.9, -0.1, 1e-8}, {0.1, 0.9, 1, 1e-8},
            {0.1, 0.9, 0.9, 0}, {Double.NaN, 0.9, 0.9, 1e-8}};
        for (double[] b : bad) {
            assertThatThrownBy(() -> new Adam(b[0], b[1], b[2], b[3])).isInstanceOf(IllegalArgumentException.class);
        }
        new Adam(1e-9, 0, 0, Double.MIN_VALUE).close(); // the lower limits are valid
        assertThat(new Adam(0.01)).hasToString("Adam(lr=0.01, β1=0.9, β2=0.999, ε=1.0E-8)");
    }

    /** After close, Adam starts again from step 1 with zero moments: the same update as a new optimizer. */
    @Test
    void closedAdamStartsAfresh() {
        double[] fresh = adamSteps(new Adam(0.1), 1, false);
        Adam reused = new Adam(0.1);
        double[] again = adamSteps(reused, 3, true);
        assertThat(again).containsExactly(fresh);
        assertThat(adamSteps(new Adam(0.1), 3, false)).isNotEqualTo(fresh);
    }

    /** The value of a parameter (from 1, gradient 0.5) after {@code steps} steps, with a close before the last one. */
    private double[] adamSteps(Adam adam, int steps, boolean closeBeforeLast) {
        try (Parameter p = new Parameter("p", be.full(DType.FLOAT64, Shape.of(3), 1))) {
            p.gradient().fill(0.5);
            for (int s = 0; s < steps; s++) {
                if (closeBeforeLast && s == steps - 1) {
                    adam.close();
                    p.value().fill(1);
                }
                adam.step(List.of(p));
            }
            adam.close();
            return p.value().toDoubleArray();
        }
    }

    @Test
    void closingAnOptimizerFreesItsState() {
        int before = be.openTensors();
        try (Parameter p = new Parameter("p", be.full(DType.FLOAT32, Shape.of(2, 2), 1))) {
            for (Optimizer opt : new Optimizer[] {new Sgd(0.1), new Sgd(0.1, 0.9), new Adam(0.1)}) {
                p.gradient().fill(0.25);
                opt.step(List.of(p));
                opt.step(List.of(p));
                opt.close();
                assertThat(be.openTensors()).as("%s: tensors besides the parameter's two", opt).isEqualTo(before + 2);
            }
            // momentum: v = 0.9 v - 0.1 g, twice from v = 0: w = 1 - 0.025 - (0.9 * 0.025 + 0.025)
            Sgd momentum = new Sgd(0.1, 0.9);
            p.value().fill(1);
            momentum.step(List.of(p));
            momentum.step(List.of(p));
            for (double w : p.value().toDoubleArray()) {
                assertThat(w).isCloseTo(1 - 0.025 - 0.0475, org.assertj.core.data.Offset.offset(1e-6));
            }
            momentum.close();
            momentum.step(List.of(p)); // a closed optimizer starts again with zero velocity
            momentum.close();
        }
        assertThat(be.openTensors()).isEqualTo(before);
    }
}
