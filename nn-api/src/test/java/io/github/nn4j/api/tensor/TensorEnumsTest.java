package io.github.nn4j.api.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.conformance.ReferenceMath;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The definitions in the enums that backends call ({@link Activation#apply}, {@link Activation#derivative} in ND4J's
 * host kernels and the reference backend; {@link BinaryOp}, {@link ScalarOp}, {@link UnaryOp}) against the
 * conformance suite's independent reference: a wrong formula here would otherwise hide in every backend that uses it.
 */
class TensorEnumsTest {
    private final Random random = new Random(3);

    private double[] arguments() {
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3 == 0 ? 24 * random.nextDouble() - 12 : Math.pow(10, -10 + 12 * random.nextDouble());
            if (i % 2 == 1) {
                x[i] = -x[i];
            }
        }
        x[0] = 0;
        return x;
    }

    private static void close(String what, double got, double expected, double relative) {
        assertThat(Math.abs(got - expected)).as("%s: %s, expected %s", what, got, expected)
                .isLessThanOrEqualTo(relative * Math.abs(expected) + Double.MIN_NORMAL);
    }

    @Test
    void activationsAndTheirDerivatives() {
        for (double x : arguments()) {
            assertThat(Activation.IDENTITY.apply(x)).isEqualTo(x);
            assertThat(Activation.IDENTITY.derivative(x, x)).isEqualTo(1);
            assertThat(Activation.RELU.apply(x)).isEqualTo(ReferenceMath.relu(x));
            assertThat(Activation.RELU.derivative(x, Activation.RELU.apply(x))).isEqualTo(ReferenceMath.reluDerivative(x));
            close("sigmoid(" + x + ")", Activation.SIGMOID.apply(x), ReferenceMath.sigmoid(x), 1e-15);
            close("tanh(" + x + ")", Activation.TANH.apply(x), ReferenceMath.tanh(x), 1e-15);
            // the derivative from the output, as backends use it, against the derivative from x; from an output
            // near 1 the formula loses digits to cancellation: |h'(y)| (at most 1, and 2 for tanh) times the
            // output's error (an ulp of 1), hence the absolute part
            double s = Activation.SIGMOID.apply(x);
            double t = Activation.TANH.apply(x);
            double ulpOfOne = Math.ulp(1.0);
            assertThat(Math.abs(Activation.SIGMOID.derivative(x, s) - ReferenceMath.sigmoidDerivative(x)))
                    .as("sigmoid'(%s)", x).isLessThanOrEqualTo(1e-15 * ReferenceMath.sigmoidDerivative(x) + ulpOfOne);
            assertThat(Math.abs(Activation.TANH.derivative(x, t) - ReferenceMath.tanhDerivative(x)))
                    .as("tanh'(%s)", x).isLessThanOrEqualTo(1e-15 * ReferenceMath.tanhDerivative(x) + 2 * ulpOfOne);
        }
    }

    @Test
    void elementWiseOperations() {
        double[] xs = arguments();
        for (int i = 0; i + 1 < xs.length; i++) {
            double a = xs[i];
            double b = xs[i + 1];
            assertThat(BinaryOp.ADD.apply(a, b)).isEqualTo(a + b);
            assertThat(BinaryOp.SUB.apply(a, b)).isEqualTo(a - b);
            assertThat(BinaryOp.MUL.apply(a, b)).isEqualTo(a * b);
            assertThat(BinaryOp.DIV.apply(a, b)).isEqualTo(a / b);
            assertThat(ScalarOp.ADD.apply(a, b)).isEqualTo(a + b);
            assertThat(ScalarOp.SUB.apply(a, b)).isEqualTo(a - b);
            assertThat(ScalarOp.REVERSE_SUB.apply(a, b)).isEqualTo(b - a);
            assertThat(ScalarOp.MUL.apply(a, b)).isEqualTo(a * b);
            assertThat(ScalarOp.DIV.apply(a, b)).isEqualTo(a / b);
            assertThat(ScalarOp.MAX.apply(a, b)).isEqualTo(a >= b ? a : b);
            assertThat(ScalarOp.MIN.apply(a, b)).isEqualTo(a <= b ? a : b);
            assertThat(UnaryOp.NEGATE.apply(a)).isEqualTo(-a);
            assertThat(UnaryOp.ABS.apply(a)).isEqualTo(a < 0 ? -a : a);
            assertThat(UnaryOp.SQUARE.apply(a)).isEqualTo(a * a);
            double p = Math.abs(a) + 1e-300;
            assertThat(UnaryOp.SQRT.apply(p)).isEqualTo(ReferenceMath.sqrt(p));
            // Math and StrictMath are each within an ulp
            close("exp(" + a + ")", UnaryOp.EXP.apply(a), ReferenceMath.exp(a), 4.5e-16);
            close("log(" + p + ")", UnaryOp.LOG.apply(p), ReferenceMath.log(p), 4.5e-16);
        }
        assertThat(ScalarOp.MAX.apply(Double.NaN, 1)).isNaN();
        assertThat(ScalarOp.MIN.apply(1, Double.NaN)).isNaN();
    }
}
