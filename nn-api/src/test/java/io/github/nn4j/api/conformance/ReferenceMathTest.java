package io.github.nn4j.api.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The suite's reference is right: its functions against 40-digit {@link BigDecimal} evaluations, within the errors
 * {@link Tolerance} counts for it; its compensated sums and dot products against exact rational arithmetic on
 * ill-conditioned data, where plain double summation is wrong in every digit.
 */
class ReferenceMathTest {
    private static final MathContext MC = new MathContext(40);
    private final Random random = new Random(5);

    /** e^x in 40 digits: Taylor series of x / 2^12, squared 12 times. */
    private static BigDecimal exp(double x) {
        BigDecimal r = new BigDecimal(x).divide(BigDecimal.valueOf(4096), MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int n = 1; n < 30; n++) {
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < 12; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    private static BigDecimal sigmoid(double x) {
        return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(-x), MC), MC);
    }

    private static BigDecimal tanh(double x) {
        BigDecimal e = exp(2 * x);
        return e.subtract(BigDecimal.ONE, MC).divide(e.add(BigDecimal.ONE, MC), MC);
    }

    private static double ulps(double got, BigDecimal exact) {
        double e = exact.doubleValue();
        return new BigDecimal(got).subtract(exact, MC).abs().doubleValue() / Math.ulp(e);
    }

    private double[] arguments() {
        double[] x = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? 40 * random.nextDouble() - 20 : Math.pow(10, -12 + 12 * random.nextDouble());
            if (i % 4 == 1) {
                x[i] = -x[i];
            }
        }
        return x;
    }

    @Test
    void functionsAreWithinTheErrorsTheToleranceCounts() {
        for (double x : arguments()) {
            assertThat(ulps(ReferenceMath.exp(x), exp(x))).as("exp(%s)", x).isLessThanOrEqualTo(1);
            assertThat(ulps(ReferenceMath.sigmoid(x), sigmoid(x))).as("sigmoid(%s)", x).isLessThanOrEqualTo(2);
            assertThat(ulps(ReferenceMath.tanh(x), tanh(x))).as("tanh(%s)", x).isLessThanOrEqualTo(2.5);
            BigDecimal s = sigmoid(x);
            BigDecimal sigmoidDerivative = s.multiply(BigDecimal.ONE.subtract(s, MC), MC);
            BigDecimal t = tanh(x);
            BigDecimal tanhDerivative = BigDecimal.ONE.subtract(t.multiply(t, MC), MC);
            double derivativeUlps = Tolerance.REFERENCE_DERIVATIVE_ERROR / 0x1p-53;
            assertThat(ulps(ReferenceMath.sigmoidDerivative(x), sigmoidDerivative)).as("sigmoid'(%s)", x)
                    .isLessThanOrEqualTo(derivativeUlps);
            assertThat(ulps(ReferenceMath.tanhDerivative(x), tanhDerivative)).as("tanh'(%s)", x)
                    .isLessThanOrEqualTo(derivativeUlps);
            assertThat(ulps(ReferenceMath.log(Math.abs(x)), exactLog(Math.abs(x)))).as("log(%s)", Math.abs(x))
                    .isLessThanOrEqualTo(1);
        }
    }

    /** log x in 40 digits, by a Newton step on e^y = x. */
    private static BigDecimal exactLog(double x) {
        BigDecimal target = new BigDecimal(x);
        double y = Math.log(x); // within an ulp: one Newton step y + (x - e^y) / e^y leaves an error of order ulp²
        BigDecimal e = exp(y);
        return new BigDecimal(y).add(target.subtract(e, MC).divide(e, MC), MC);
    }

    @Test
    void reluAndSaturation() {
        assertThat(ReferenceMath.relu(-0.0)).isEqualTo(0.0);
        assertThat(ReferenceMath.relu(2.5)).isEqualTo(2.5);
        assertThat(ReferenceMath.relu(Double.NaN)).isEqualTo(0.0);
        assertThat(ReferenceMath.reluDerivative(0)).isZero();
        assertThat(ReferenceMath.reluDerivative(1e-300)).isEqualTo(1);
        assertThat(ReferenceMath.sigmoid(-1000)).isZero();
        assertThat(ReferenceMath.sigmoid(1000)).isEqualTo(1);
        assertThat(ReferenceMath.sigmoid(Double.NaN)).isNaN();
        assertThat(ReferenceMath.tanhDerivative(1000)).isZero();
        assertThat(ReferenceMath.sigmoidDerivative(0)).isEqualTo(0.25);
    }

    /**
     * Terms of widely different magnitudes that cancel almost completely: the compensated results are within
     * {@code u |exact| + γ(n)² Σ|terms|} (Ogita, Rump and Oishi, Theorems 4.4 and 5.3), while plain summation is off
     * by orders of magnitude more.
     */
    @Test
    void compensatedSumsAndDotProductsAreAccurateUnderCancellation() {
        double u = 0x1p-53;
        int worseByFar = 0;
        for (int round = 0; round < 50; round++) {
            int n = 200;
            double gamma = n * u / (1 - n * u);
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = Math.scalb(2 * random.nextDouble() - 1, random.nextInt(80) - 40);
                b[i] = Math.scalb(2 * random.nextDouble() - 1, random.nextInt(80) - 40);
            }
            a[n - 1] = -ReferenceMath.sum(a, 0, n - 1, 1); // near-total cancellation
            BigDecimal exactSum = BigDecimal.ZERO;
            BigDecimal exactDot = BigDecimal.ZERO;
            BigDecimal exactSquares = BigDecimal.ZERO;
            double plain = 0;
            for (int i = 0; i < n; i++) {
                exactSum = exactSum.add(new BigDecimal(a[i]));
                exactDot = exactDot.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
                exactSquares = exactSquares.add(new BigDecimal(b[i]).multiply(new BigDecimal(b[i])));
                plain += a[i];
            }
            double sumBound = u * Math.abs(exactSum.doubleValue()) + gamma * gamma * ReferenceMath.sumOfAbs(a, 0, n, 1);
            double sumError = error(ReferenceMath.sum(a), exactSum);
            assertThat(sumError).as("sum").isLessThanOrEqualTo(sumBound);
            double dotBound = u * Math.abs(exactDot.doubleValue()) + gamma * gamma * ReferenceMath.dotOfAbs(a, 0, 1, b, 0, 1, n);
            assertThat(error(ReferenceMath.dot(a, 0, 1, b, 0, 1, n), exactDot)).as("dot").isLessThanOrEqualTo(dotBound);
            double squaresBound = u * exactSquares.doubleValue() * (1 + gamma * gamma);
            assertThat(error(ReferenceMath.sumOfSquares(b), exactSquares)).as("squares").isLessThanOrEqualTo(squaresBound);
            if (error(plain, exactSum) > 1000 * Math.max(sumError, Double.MIN_NORMAL)) {
                worseByFar++;
            }
        }
        assertThat(worseByFar).as("rounds where plain summation is 1000 times worse").isGreaterThan(25);
    }

    private static double error(double got, BigDecimal exact) {
        return new BigDecimal(got).subtract(exact).abs().doubleValue();
    }

    @Test
    void stridedSumsAndDotProductsPickTheRightElements() {
        double[] m = {1, 2, 3, 4, 5, 6}; // [2, 3]
        assertThat(ReferenceMath.sum(m, 1, 2, 3)).isEqualTo(2 + 5);
        assertThat(ReferenceMath.sumOfAbs(new double[] {-1, 2, -3}, 0, 3, 1)).isEqualTo(6);
        assertThat(ReferenceMath.dot(m, 0, 1, m, 2, 3, 2)).isEqualTo(1 * 3 + 2 * 6);
        assertThat(ReferenceMath.dotOfAbs(new double[] {-1, 2}, 0, 1, new double[] {3, -4}, 0, 1, 2)).isEqualTo(11);
        assertThat(ReferenceMath.sum(new double[] {1, Double.POSITIVE_INFINITY})).isInfinite();
        assertThat(ReferenceMath.dot(new double[] {1e300}, 0, 1, new double[] {1e300}, 0, 1, 1)).isInfinite();
    }
}
