package io.github.nn4j.api.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state that checkpoints read and restore: per-parameter tensors and the step counter. */
class OptimizerStateTest {
    private final Backend be = new ReferenceBackend();

    private Parameter parameter() {
        Parameter p = new Parameter("p", be.fromArray(DType.FLOAT64, new double[] {1, 2}, Shape.of(1, 2)));
        p.gradient().copyFrom(new double[] {0.5, -1});
        return p;
    }

    @Test
    void sgdKeepsVelocityOnlyWithMomentum() {
        try (Parameter p = parameter(); Sgd plain = new Sgd(0.1); Sgd momentum = new Sgd(0.1, 0.9)) {
            assertThat(plain.stateNames()).isEmpty();
            assertThatThrownBy(() -> plain.state(p, "velocity")).isInstanceOf(IllegalArgumentException.class);
            assertThat(momentum.stateNames()).containsExactly("velocity");
            momentum.step(List.of(p));
            momentum.step(List.of(p));
            assertThat(momentum.steps()).isEqualTo(2);
            // v1 = -0.1 g, v2 = 0.9 v1 - 0.1 g
            assertThat(momentum.state(p, "velocity").toDoubleArray()).containsExactly(-0.095, 0.19);
            momentum.close();
            assertThat(momentum.steps()).isZero();
        }
    }

    @Test
    void restoredAdamStateContinuesTheUpdateExactly() {
        try (Parameter a = parameter(); Parameter b = parameter(); Adam first = new Adam(0.1); Adam second = new Adam(0.1)) {
            first.step(List.of(a));
            first.step(List.of(a));
            b.value().copyFrom(a.value().toDoubleArray());
            for (String s : first.stateNames()) {
                second.state(b, s).copyFrom(first.state(a, s).toDoubleArray());
            }
            second.setSteps(first.steps());
            first.step(List.of(a));
            second.step(List.of(b));
            assertThat(b.value().toDoubleArray()).containsExactly(a.value().toDoubleArray());
            assertThat(second.steps()).isEqualTo(3);
            assertThatThrownBy(() -> second.state(b, "velocity")).hasMessageContaining("it keeps [m, v]");
            assertThatThrownBy(() -> second.setSteps(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aStatelessOptimizerDescribesNoState() {
        Optimizer noop = parameters -> { };
        assertThat(noop.stateNames()).isEmpty();
        assertThat(noop.steps()).isZero();
        noop.setSteps(0);
        assertThatThrownBy(() -> noop.setSteps(5)).isInstanceOf(UnsupportedOperationException.class);
        try (Tensor t = be.zeros(Shape.of(1, 1)); Parameter p = new Parameter("p", t.copy())) {
            assertThatThrownBy(() -> noop.state(p, "m")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
