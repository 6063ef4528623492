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

    @Test
    void everyTensorMustBeFloat64() {
        try (Dense d = new Dense(be, 2, 2, 1); Tensor x = be.zeros(DType.FLOAT64, Shape.of(1, 2));
             Tensor p32 = be.zeros(Shape.of(1, 2)); Tensor p64 = be.zeros(DType.FLOAT64, Shape.of(1, 2))) {
            assertThatThrownBy(() -> GradientChecker.standard().checkLayer(d, x))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dense[2x2].weight");
            assertThatThrownBy(() -> GradientChecker.standard().checkLayer(new io.github.nn4j.api.layer.Tanh(), p32))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input").hasMessageContaining("FLOAT32");
            Loss mse = new io.github.nn4j.api.loss.MeanSquaredError();
            assertThatThrownBy(() -> GradientChecker.standard().checkLoss(mse, p32, p64))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prediction");
            assertThatThrownBy(() -> GradientChecker.standard().checkLoss(mse, p64, p32))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
        }
    }

    /** A loss whose two entry points disagree on the value fails, whatever its gradient. */
    @Test
    void aLossWhoseValueAndGradientDisagreeFails() {
        Loss inconsistent = new Loss() {
            @Override
            public double value(Tensor p, Tensor t) {
                try (Tensor d = p.sub(t)) {
                    return d.sumOfSquares();
                }
            }

            @Override
            public double valueAndGradient(Tensor p, Tensor t, Tensor g) {
                p.backend().binary(io.github.nn4j.api.tensor.BinaryOp.SUB, p, t, g);
                p.backend().scalar(ScalarOp.MUL, g, 2, g);
                return 1.001 * value(p, t);
            }
        };
        // values above 1: the measure is relative, |1.001 v - v| / (2.001 v)
        try (Tensor p = be.randomUniform(DType.FLOAT64, Shape.of(2, 3), 2, 3, 1);
             Tensor t = be.zeros(DType.FLOAT64, Shape.of(2, 3))) {
            GradientCheckResult r = GradientChecker.standard().checkLoss(inconsistent, p, t);
            assertThat(r.entries().get(0).maxError()).isCloseTo(0.001 / 2.001, org.assertj.core.data.Offset.offset(1e-12));
        }
        try (Tensor p = be.randomUniform(DType.FLOAT64, Shape.of(2, 3), 0, 1, 1);
             Tensor t = be.randomUniform(DType.FLOAT64, Shape.of(2, 3), 0, 1, 2)) {
            GradientCheckResult r = GradientChecker.standard().checkLoss(inconsistent, p, t);
            double v;
            try (Tensor d = p.sub(t)) {
                v = d.sumOfSquares();
            }
            assertThat(r.entries().get(0).tensor()).isEqualTo("value vs valueAndGradient");
            assertThat(r.entries().get(0).maxError())
                    .isCloseTo(0.001 * v / Math.max(1, 2.001 * v), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(r.entries().get(1).maxError()).isLessThanOrEqualTo(r.tolerance());
            assertThat(r.passed()).isFalse();
        }
    }

    /** The error measure: |a - n| / max(1, |a| + |n|), absolute for small derivatives, relative for large ones. */
    @Test
    void theErrorMeasureIsAbsoluteForSmallAndRelativeForLargeDerivatives() {
        for (double scale : new double[] {1e-3, 1e3}) {
            Loss scaledSquares = new Loss() {
                @Override
                public double value(Tensor p, Tensor t) {
                    return scale * p.sumOfSquares();
                }

                @Override
                public double valueAndGradient(Tensor p, Tensor t, Tensor g) {
                    p.backend().scalar(ScalarOp.MUL, p, 2 * scale * 1.01, g); // 1% too large
                    return value(p, t);
                }
            };
            try (Tensor p = be.fromArray(DType.FLOAT64, new double[] {0.5, -1}, Shape.of(1, 2));
                 Tensor t = be.zeros(DType.FLOAT64, Shape.of(1, 2))) {
                GradientCheckResult.Entry e = GradientChecker.standard().checkLoss(scaledSquares, p, t).entries().get(1);
                double analytic = 2 * scale * 1.01 * -1;
                double numeric = 2 * scale * -1;
                double expected = Math.abs(analytic - numeric) / Math.max(1, Math.abs(analytic) + Math.abs(numeric));
                if (scale < 1) { // absolute: the larger derivative has the larger error (relative: both the same)
                    assertThat(e.index()).isEqualTo(1);
                }
                assertThat(e.maxError()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6 * expected));
            }
        }
    }

    /** Sampling spreads over the whole tensor: a wrong gradient near its end is found with 10 of 30 elements. */
    @Test
    void samplingReachesTheEndOfLargeTensors() {
        ActivationLayer wrongNearTheEnd = new ActivationLayer(Activation.IDENTITY) {
            @Override
            public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
                Tensor dx = super.backward(gradOutput, needInputGradient);
                double[] v = dx.toDoubleArray();
                v[27] += 0.5;
                dx.copyFrom(v);
                return dx;
            }
        };
        try (Tensor x = be.randomUniform(DType.FLOAT64, Shape.of(3, 10), -1, 1, 1)) {
            GradientCheckResult r = GradientChecker.standard().maxElementsPerTensor(10).checkLayer(wrongNearTheEnd, x);
            assertThat(r.passed()).isFalse();
            assertThat(r.entries().get(0).checked()).isEqualTo(10);
            assertThat(r.entries().get(0).index()).isEqualTo(27);
        }
    }

    @Test
    void settingsChangeTheCheck() {
        try (Tensor x = be.randomUniform(DType.FLOAT64, Shape.of(3, 4), -1, 1, 1)) {
            GradientChecker standard = GradientChecker.standard();
            GradientCheckResult r = standard.checkLayer(new io.github.nn4j.api.layer.Tanh(), x);
            assertThat(r.passed()).isTrue();
            assertThat(r.tolerance()).isEqualTo(1e-6);
            assertThat(standard.tolerance(1e-20).checkLayer(new io.github.nn4j.api.layer.Tanh(), x).passed()).isFalse();
            double coarse = standard.epsilon(1e-2).checkLayer(new io.github.nn4j.api.layer.Tanh(), x).maxError();
            assertThat(coarse).as("truncation error of a large step").isGreaterThan(100 * r.maxError()).isGreaterThan(1e-7);
            GradientCheckResult other = standard.seed(2).checkLayer(new io.github.nn4j.api.layer.Tanh(), x);
            assertThat(other.entries().get(0).analytic()).isNotEqualTo(r.entries().get(0).analytic());
        }
    }

    @Test
    void aResultPassesAtItsToleranceAndFailsAboveOrOnNaN() {
        GradientCheckResult.Entry at = new GradientCheckResult.Entry("a", 1, 1e-6, 0, 1, 1);
        GradientCheckResult.Entry above = new GradientCheckResult.Entry("b", 1, 1.1e-6, 0, 1, 1);
        GradientCheckResult.Entry nan = new GradientCheckResult.Entry("c", 1, Double.NaN, 0, 1, 1);
        assertThat(new GradientCheckResult(java.util.List.of(at), 1e-6).passed()).isTrue();
        assertThat(new GradientCheckResult(java.util.List.of(at, above), 1e-6).passed()).isFalse();
        assertThat(new GradientCheckResult(java.util.List.of(nan), 1e-6).passed()).isFalse();
        assertThat(new GradientCheckResult(java.util.List.of(at, above), 1e-6).maxError()).isEqualTo(1.1e-6);
        assertThat(new GradientCheckResult(java.util.List.of(at), 1e-6).toString()).contains("passed").contains("a: max error");
    }
}
