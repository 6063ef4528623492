package io.github.nn4j.api.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.ActivationLayer;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.loss.Loss;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The checker must be able to fail: wrong gradients are caught and named. */
class GradientCheckerTest {
    private final Backend be = new ReferenceBackend();

    /** Tanh whose backward is off by a factor of 1.01. */
    static final class SlightlyWrongTanh extends ActivationLayer {
        SlightlyWrongTanh() {
            super(Activation.TANH);
        }

        @Override
        public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
            Tensor dx = super.backward(gradOutput, needInputGradient);
            dx.backend().scalar(ScalarOp.MUL, dx, 1.01, dx);
            return dx;
        }
    }

    @Test
    void aWrongLayerGradientFailsAndIsNamed() {
        try (Tensor x = be.randomUniform(DType.FLOAT64, Shape.of(3, 4), -1, 1, 1)) {
            GradientCheckResult r = GradientChecker.standard().checkLayer(new SlightlyWrongTanh(), x);
            assertThat(r.passed()).isFalse();
            assertThat(r.entries().get(0).tensor()).isEqualTo("input");
            assertThat(r.maxError()).isGreaterThan(1e-4);
            assertThat(r.toString()).contains("FAILED").contains("input");
        }
    }

    @Test
    void aWrongLossGradientFails() {
        Loss halfGradient = new Loss() {
            @Override
            public double value(Tensor p, Tensor t) {
                try (Tensor d = p.sub(t)) {
                    return d.sumOfSquares();
                }
            }

            @Override
            public double valueAndGradient(Tensor p, Tensor t, Tensor g) {
                p.backend().binary(io.github.nn4j.api.tensor.BinaryOp.SUB, p, t, g); // should be 2 (p - t)
                return value(p, t);
            }
        };
        try (Tensor p = be.randomUniform(DType.FLOAT64, Shape.of(2, 3), 0, 1, 1);
             Tensor t = be.randomUniform(DType.FLOAT64, Shape.of(2, 3), 0, 1, 2)) {
            GradientCheckResult r = GradientChecker.standard().checkLoss(halfGradient, p, t);
            assertThat(r.passed()).isFalse();
            assertThat(r.entries().get(1).tensor()).isEqualTo("prediction");
        }
    }

    @Test
    void float32IsRejectedWithAClearMessage() {
        try (Dense d = new Dense(be, 2, 2, 1); Tensor x = be.zeros(Shape.of(1, 2))) {
            assertThatThrownBy(() -> GradientChecker.standard().checkLayer(d, x))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FLOAT64");
        }
    }

    @Test
    void largeTensorsAreSampled() {
        try (Dense d = new Dense(be, DType.FLOAT64, 30, 20, io.github.nn4j.api.layer.WeightInit.HE_NORMAL, 1);
             Tensor x = be.randomUniform(DType.FLOAT64, Shape.of(2, 30), -1, 1, 1)) {
            GradientCheckResult r = GradientChecker.standard().maxElementsPerTensor(50).checkLayer(d, x);
            assertThat(r.passed()).as(r.toString()).isTrue();
            assertThat(r.entries().get(1).checked()).isEqualTo(50);
            assertThat(r.entries().get(2).checked()).isEqualTo(20);
        }
    }
}
