package io.github.nn4j.backend.pure.simd;

import io.github.nn4j.backend.pure.SimdExpectation;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIMD exp, sigmoid and tanh against {@link Math} in ulps, over the whole double range, the float
 * range, and the special values; only where the Vector API module is present
 * (and failing where it should be, {@link SimdExpectation}).
 */
class VectorFunctionsTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 709.7, 709.78, 709.79, 710, -708, -709, -744.4, -745.1, -745.2, -746, -1000,
        1e-300, -1e-300, Double.MIN_VALUE, 0.1, -0.1, Math.nextDown(0.1), 88.72, 88.73, -87.3, -103.9, -104, 20, -20};

    @BeforeEach
    void needsVectorModule() {
        SimdExpectation.requireVectorModule();
    }

    private static double[] inputs() {
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[200_003];
        System.arraycopy(SPECIAL, 0, x, 0, SPECIAL.length);
        for (int i = SPECIAL.length; i < x.length; i++) {
            switch (i % 3) {
                case 0: x[i] = r.nextDouble(-750, 750); break;
                case 1: x[i] = r.nextDouble(-20, 20); break;
                default: x[i] = Math.pow(10, r.nextDouble(-20, 1)) * (r.nextBoolean() ? 1 : -1); break;
            }
        }
        return x;
    }

    private static void checkDouble(String name, double[] x, double[] got, DoubleUnaryOperator reference,
                                    double maxUlps) {
        for (int i = 0; i < x.length; i++) {
            double expected = reference.applyAsDouble(x[i]);
            double ulps = ulps(got[i], expected);
            if (!(ulps <= maxUlps)) {
                throw new AssertionError(name + "(" + x[i] + ") = " + got[i] + ", Math gives " + expected + " ("
                        + ulps + " ulps apart, allowed " + maxUlps + ")");
            }
        }
    }

    private static double ulps(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (a == b) {
            return 0;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(a - b) / Math.ulp(b);
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    @Test
    void doublePrecisionMatchesMath() {
        double[] x = inputs();
        double[] out = new double[x.length];
        VectorFunctions.exp(x, out, 0, x.length);
        checkDouble("exp", x, out, Math::exp, 1);
        VectorFunctions.sigmoid(x, out, 0, x.length);
        checkDouble("sigmoid", x, out, VectorFunctionsTest::sigmoid, 4);
        VectorFunctions.tanh(x, out, 0, x.length);
        checkDouble("tanh", x, out, Math::tanh, 16);
        VectorFunctions.tanh(x, x, 0, x.length); // in place
        checkDouble("tanh in place", inputs(), x, Math::tanh, 16);
    }

    @Test
    void floatPrecisionMatchesMath() {
        double[] xd = inputs();
        float[] x = new float[xd.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (i % 3 == 0 ? xd[i] / 7 : xd[i]); // keep a third inside the float range of exp
        }
        float[] out = new float[x.length];
        VectorFunctions.exp(x, out, 0, x.length);
        checkFloat("exp", x, out, Math::exp, 2);
        VectorFunctions.sigmoid(x, out, 0, x.length);
        checkFloat("sigmoid", x, out, VectorFunctionsTest::sigmoid, 4);
        VectorFunctions.tanh(x, out, 0, x.length);
        checkFloat("tanh", x, out, Math::tanh, 4);
    }

    private static void checkFloat(String name, float[] x, float[] got, DoubleUnaryOperator reference,
                                   double maxUlps) {
        for (int i = 0; i < x.length; i++) {
            double exact = reference.applyAsDouble(x[i]);
            float expected = (float) exact;
            double ulps;
            if (Float.isNaN(expected) || Float.isInfinite(expected)) {
                ulps = Float.compare(got[i], expected) == 0 ? 0 : Double.POSITIVE_INFINITY;
            } else if (Math.abs(exact) < Float.MIN_NORMAL) {
                // subnormal results (e.g. sigmoid far below -87, where e^-x overflows): absolute error only
                ulps = Math.abs(got[i] - exact) <= Float.MIN_NORMAL ? 0 : Double.POSITIVE_INFINITY;
            } else {
                ulps = Math.abs(got[i] - exact) / Math.ulp(expected);
            }
            if (!(ulps <= maxUlps)) {
                throw new AssertionError(name + "(" + x[i] + ") = " + got[i] + ", Math gives " + exact + " ("
                        + ulps + " float ulps apart, allowed " + maxUlps + ")");
            }
        }
    }
}
