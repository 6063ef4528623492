package io.github.nn4j.api.backend;

/**
 * The element functions whose best formula differs between FLOAT32 and FLOAT64, as overloads that
 * {@link DoubleArrayKernels} and the {@link FloatArrayKernels} generated from it call by the same name: the code of
 * the kernels is written once, and what depends on the precision lives here.
 */
final class ScalarFunctions {
    private ScalarFunctions() {
    }

    /**
     * tanh rounded to float, from the intrinsic {@link Math#exp} in double precision ({@link Math#tanh} is several
     * times slower): {@code 1 - 2 / (exp(2|x|) + 1)} with the sign of x. Its cancellation error, about 2e-16
     * absolute, is far below half a float ulp of the result once {@code |x| >= 1e-7}; below that, tanh(x) rounds to
     * x. Saturates to exactly +-1 and keeps NaN.
     */
    static float tanh(float x) {
        double ax = Math.abs((double) x);
        if (ax < 1e-7) {
            return x;
        }
        return (float) Math.copySign(1.0 - 2.0 / (Math.exp(2.0 * ax) + 1.0), x);
    }

    /** tanh in double: {@link Math#tanh} (the exp formula above would cancel to many double ulps near 0). */
    static double tanh(double x) {
        return Math.tanh(x);
    }

    /**
     * {@code x > 0 ? x : +0} without a branch (ReLU on data with random signs would mispredict half of its branches):
     * the bits of x and'ed with a mask that is all ones exactly for the positive values. Those other than NaN are the
     * bit patterns 1 .. 0x7F800000, i.e. those whose value minus one is, unsigned, below 0x7F800000.
     */
    static float relu(float x) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(x) & positiveMask(x));
    }

    /** As {@link #relu(float)}: the positive doubles other than NaN are the bit patterns 1 .. 0x7FF0000000000000. */
    static double relu(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & positiveMask(x));
    }

    /** {@code x > 0 ? dy : +0}, branch-free: ReLU's gradient. */
    static float reluGate(float x, float dy) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(dy) & positiveMask(x));
    }

    /** {@code x > 0 ? dy : +0}, branch-free: ReLU's gradient. */
    static double reluGate(double x, double dy) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(dy) & positiveMask(x));
    }

    private static int positiveMask(float v) {
        return Float.floatToRawIntBits(v) - 1 + Integer.MIN_VALUE < 0x7F800000 + Integer.MIN_VALUE ? -1 : 0;
    }

    private static long positiveMask(double v) {
        return Double.doubleToRawLongBits(v) - 1 + Long.MIN_VALUE < 0x7FF0000000000000L + Long.MIN_VALUE ? -1L : 0L;
    }
}
