package io.github.nn4j.backend.pure;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, tanh and the logistic sigmoid over arrays on the Vector API, built only from operations IEEE 754
 * defines exactly (add, multiply, divide, fused multiply-add, comparisons, bit manipulation), in the
 * precision of the array (float arrays in float lanes, twice as many per vector).
 *
 * <p>Why not the Vector API's own {@code lanewise(EXP)}: in JDK 17 compiled code calls Intel SVML while
 * interpreted and C1 code falls back to {@link Math#exp}; the two differ in the last bit for some inputs,
 * so a result would depend on whether the JIT had compiled the loop yet, and two identical training runs
 * could diverge. These routines give the same bits in every execution mode, for every element (the
 * arrays are processed in chunks through a per-thread buffer padded to whole vectors, so no element
 * takes a different, scalar path).
 *
 * <p>Accuracy, double: exp within 1 ulp over the whole range (+infinity above 709.78, gradual underflow
 * to subnormals and 0 below -708); sigmoid within 4 ulps; tanh within 16 ulps (relative error below
 * 2e-15, largest just above |x| = 0.1 where its series hands over). Float: exp within 2 ulps (+infinity
 * above 88.72, subnormals below -87.3), sigmoid and tanh within 4 ulps. NaN in, NaN out.
 *
 * <p>Each vector computation sits inside the loop that uses it: a vector passed to or returned from a
 * method the JIT does not inline is boxed on the heap, which would allocate on every call.
 */
final class VectorFunctions {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    /** Elements per pass through the per-thread buffers (a multiple of every vector length). */
    private static final int CHUNK = 512;

    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split so that {@code k * LN2_HI} is exact for the |k| that occur. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** Adding and subtracting 1.5 * 2^52 rounds a double of magnitude below 2^51 to an integer. */
    private static final double ROUNDER = 0x1.8p52;
    /** Above this exp(x) is +infinity, below the next 0; clamping keeps the exponent arithmetic in range. */
    private static final double EXP_MAX = 709.8;
    private static final double EXP_MIN = -746.0;
    /** Below this |x|, tanh uses its Taylor series (the exp form would lose digits to cancellation). */
    private static final double TANH_SERIES_MAX = 0.1;

    private static final int EXP = 0;
    private static final int SIGMOID = 1;
    private static final int TANH = 2;

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int FL = F.length();
    private static final float LOG2E_F = 1.44269504f;
    /** ln 2 split for float: LN2_HI_F has 9 significant bits, so k * LN2_HI_F is exact for |k| < 2^15. */
    private static final float LN2_HI_F = 0.693359375f;
    private static final float LN2_LO_F = (float) (Math.log(2) - 0.693359375);
    private static final float ROUNDER_F = 0x1.8p23f;
    private static final float EXP_MAX_F = 88.8f;
    private static final float EXP_MIN_F = -104f;
    private static final float TANH_SERIES_MAX_F = 0.5f;

    private static final ThreadLocal<double[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new double[][] {new double[CHUNK], new double[CHUNK]});
    private static final ThreadLocal<float[][]> FLOAT_BUFFERS =
            ThreadLocal.withInitial(() -> new float[][] {new float[CHUNK], new float[CHUNK]});

    private VectorFunctions() {
    }

    /** {@code out[i] = e^x[i]} for {@code i < n}; {@code out} may be {@code x}. */
    static void exp(double[] x, double[] out, int n) {
        apply(EXP, x, out, n);
    }

    /** {@code out[i] = 1 / (1 + e^-x[i])} for {@code i < n}: exactly 0 or 1 far out, never NaN for non-NaN x. */
    static void sigmoid(double[] x, double[] out, int n) {
        apply(SIGMOID, x, out, n);
    }

    /** {@code out[i] = tanh(x[i])} for {@code i < n}; {@code out} may be {@code x}. */
    static void tanh(double[] x, double[] out, int n) {
        apply(TANH, x, out, n);
    }

    /** {@code out[i] = e^x[i]} in float (+infinity above about 88.72). */
    static void exp(float[] x, float[] out, int n) {
        apply(EXP, x, out, n);
    }

    /** The sigmoid in float. */
    static void sigmoid(float[] x, float[] out, int n) {
        apply(SIGMOID, x, out, n);
    }

    /** tanh in float. */
    static void tanh(float[] x, float[] out, int n) {
        apply(TANH, x, out, n);
    }

    private static void apply(int function, double[] x, double[] out, int n) {
        double[][] buffers = BUFFERS.get();
        double[] v = buffers[0];
        for (int from = 0; from < n; from += CHUNK) {
            int count = Math.min(CHUNK, n - from);
            int padded = roundUp(count);
            System.arraycopy(x, from, v, 0, count);
            java.util.Arrays.fill(v, count, padded, 0.0);
            compute(function, v, buffers[1], padded);
            System.arraycopy(v, 0, out, from, count);
        }
    }

    private static void apply(int function, float[] x, float[] out, int n) {
        float[][] buffers = FLOAT_BUFFERS.get();
        float[] v = buffers[0];
        for (int from = 0; from < n; from += CHUNK) {
            int count = Math.min(CHUNK, n - from);
            int padded = (count + FL - 1) / FL * FL;
            System.arraycopy(x, from, v, 0, count);
            java.util.Arrays.fill(v, count, padded, 0f);
            compute(function, v, buffers[1], padded);
            System.arraycopy(v, 0, out, from, count);
        }
    }

    private static int roundUp(int count) {
        return (count + DL - 1) / DL * DL;
    }

    /** Replaces {@code v[0 .. len-1]} ({@code len} a multiple of the vector length) by f(v), using {@code e}. */
    private static void compute(int function, double[] v, double[] e, int len) {
        switch (function) {
            case EXP:
                exp(v, 1.0, false, v, len);
                break;
            case SIGMOID:
                exp(v, -1.0, false, e, len);
                for (int i = 0; i < len; i += DL) {
                    DoubleVector one = DoubleVector.broadcast(D, 1.0);
                    one.div(one.add(DoubleVector.fromArray(D, e, i))).intoArray(v, i);
                }
                break;
            case TANH:
                exp(v, 2.0, true, e, len);
                for (int i = 0; i < len; i += DL) {
                    DoubleVector x = DoubleVector.fromArray(D, v, i);
                    DoubleVector one = DoubleVector.broadcast(D, 1.0);
                    // |x| >= 0.1: 1 - 2 / (e^{2|x|} + 1) with the sign of x; exactly 1 once e overflows.
                    DoubleVector far = one.sub(DoubleVector.broadcast(D, 2.0)
                            .div(DoubleVector.fromArray(D, e, i).add(one)));
                    far = far.blend(far.neg(), x.compare(VectorOperators.LT, 0.0));
                    // |x| < 0.1: x (1 + x^2 (c3 + x^2 (c5 + ...))), Taylor to x^15 (next term < 1e-19 relative).
                    DoubleVector x2 = x.mul(x);
                    DoubleVector q = DoubleVector.broadcast(D, -929569.0 / 638512875.0)
                            .fma(x2, DoubleVector.broadcast(D, 21844.0 / 6081075.0))
                            .fma(x2, DoubleVector.broadcast(D, -1382.0 / 155925.0))
                            .fma(x2, DoubleVector.broadcast(D, 62.0 / 2835.0))
                            .fma(x2, DoubleVector.broadcast(D, -17.0 / 315.0))
                            .fma(x2, DoubleVector.broadcast(D, 2.0 / 15.0))
                            .fma(x2, DoubleVector.broadcast(D, -1.0 / 3.0));
                    DoubleVector near = x.mul(q.fma(x2, one)); // keeps the sign of -0.0
                    far.blend(near, x.abs().compare(VectorOperators.LT, TANH_SERIES_MAX)).intoArray(v, i);
                }
                break;
            default:
                throw new AssertionError(function);
        }
    }

    /**
     * {@code out[i] = exp(scale * (abs ? |x[i]| : x[i]))} for {@code i < len}, a multiple of the vector length.
     * Method: k = round(y / ln 2), r = y - k ln 2 in two parts, e^r by its Taylor polynomial to r^13
     * (truncation below 1e-17 for |r| <= ln2/2), times 2^k built in the exponent bits as two factors so
     * that subnormal results come out right.
     */
    private static void exp(double[] x, double scale, boolean abs, double[] out, int len) {
        long rounderBits = Double.doubleToRawLongBits(ROUNDER);
        for (int i = 0; i < len; i += DL) {
            DoubleVector y = DoubleVector.fromArray(D, x, i);
            if (abs) {
                y = y.abs();
            }
            y = y.mul(scale).max(EXP_MIN).min(EXP_MAX); // max/min keep NaN
            DoubleVector k = y.mul(LOG2E).add(ROUNDER).sub(ROUNDER);
            // k * LN2_HI is exact and y - k LN2_HI loses nothing; |r| <= ln2/2 (+ tiny)
            DoubleVector r = y.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
            DoubleVector p = DoubleVector.broadcast(D, 1.0 / 6227020800.0)
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 479001600))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 39916800))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 3628800))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 362880))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 40320))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 5040))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 720))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 120))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 24))
                    .fma(r, DoubleVector.broadcast(D, 1.0 / 6))
                    .fma(r, DoubleVector.broadcast(D, 0.5))
                    .fma(r, DoubleVector.broadcast(D, 1.0))
                    .fma(r, DoubleVector.broadcast(D, 1.0));
            // 2^k = 2^k1 2^k2 with k1 = round(k/2): each factor is a normal double even when 2^k is not.
            // The bits of (m + ROUNDER) end in the integer m, and shifting them left by 52 leaves m << 52:
            // the exponent field of 2^(m - 1023).
            DoubleVector k1 = k.mul(0.5).add(ROUNDER).sub(ROUNDER);
            DoubleVector k2 = k.sub(k1);
            DoubleVector s1 = ((LongVector) k1.add(ROUNDER + 1023).reinterpretAsLongs())
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector s2 = ((LongVector) k2.add(ROUNDER + 1023).reinterpretAsLongs())
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            p.mul(s1).mul(s2).intoArray(out, i);
        }
    }

    /** Replaces {@code v[0 .. len-1]} ({@code len} a multiple of the vector length) by f(v), using {@code e}. */
    private static void compute(int function, float[] v, float[] e, int len) {
        switch (function) {
            case EXP:
                exp(v, 1f, false, v, len);
                break;
            case SIGMOID:
                exp(v, -1f, false, e, len);
                for (int i = 0; i < len; i += FL) {
                    FloatVector one = FloatVector.broadcast(F, 1f);
                    one.div(one.add(FloatVector.fromArray(F, e, i))).intoArray(v, i);
                }
                break;
            case TANH:
                exp(v, 2f, true, e, len);
                for (int i = 0; i < len; i += FL) {
                    FloatVector x = FloatVector.fromArray(F, v, i);
                    FloatVector one = FloatVector.broadcast(F, 1f);
                    // |x| >= 0.5: 1 - 2 / (e^{2|x|} + 1) with the sign of x; the result is >= 0.46, so the
                    // cancellation costs at most about one ulp. Exactly 1 once e overflows.
                    FloatVector far = one.sub(FloatVector.broadcast(F, 2f)
                            .div(FloatVector.fromArray(F, e, i).add(one)));
                    far = far.blend(far.neg(), x.compare(VectorOperators.LT, 0f));
                    // |x| < 0.5: x (1 + x^2 (c3 + x^2 (c5 + ...))), Taylor to x^17 (next term < 1e-9 relative).
                    FloatVector x2 = x.mul(x);
                    FloatVector q = FloatVector.broadcast(F, (float) (6404582.0 / 10854718875.0))
                            .fma(x2, FloatVector.broadcast(F, (float) (-929569.0 / 638512875.0)))
                            .fma(x2, FloatVector.broadcast(F, (float) (21844.0 / 6081075.0)))
                            .fma(x2, FloatVector.broadcast(F, (float) (-1382.0 / 155925.0)))
                            .fma(x2, FloatVector.broadcast(F, (float) (62.0 / 2835.0)))
                            .fma(x2, FloatVector.broadcast(F, (float) (-17.0 / 315.0)))
                            .fma(x2, FloatVector.broadcast(F, (float) (2.0 / 15.0)))
                            .fma(x2, FloatVector.broadcast(F, (float) (-1.0 / 3.0)));
                    FloatVector near = x.mul(q.fma(x2, one)); // keeps the sign of -0.0
                    far.blend(near, x.abs().compare(VectorOperators.LT, TANH_SERIES_MAX_F)).intoArray(v, i);
                }
                break;
            default:
                throw new AssertionError(function);
        }
    }

    /**
     * The float version of {@link #exp(double[], double, boolean, double[], int)}: the same method with
     * float constants and a Taylor polynomial to r^7 (truncation below 6e-9 for |r| <= ln2/2); about 2 ulps.
     */
    private static void exp(float[] x, float scale, boolean abs, float[] out, int len) {
        for (int i = 0; i < len; i += FL) {
            FloatVector y = FloatVector.fromArray(F, x, i);
            if (abs) {
                y = y.abs();
            }
            y = y.mul(scale).max(EXP_MIN_F).min(EXP_MAX_F); // max/min keep NaN
            FloatVector k = y.mul(LOG2E_F).add(ROUNDER_F).sub(ROUNDER_F);
            FloatVector r = y.sub(k.mul(LN2_HI_F)).sub(k.mul(LN2_LO_F));
            FloatVector p = FloatVector.broadcast(F, 1f / 5040)
                    .fma(r, FloatVector.broadcast(F, 1f / 720))
                    .fma(r, FloatVector.broadcast(F, 1f / 120))
                    .fma(r, FloatVector.broadcast(F, 1f / 24))
                    .fma(r, FloatVector.broadcast(F, 1f / 6))
                    .fma(r, FloatVector.broadcast(F, 0.5f))
                    .fma(r, FloatVector.broadcast(F, 1f))
                    .fma(r, FloatVector.broadcast(F, 1f));
            FloatVector k1 = k.mul(0.5f).add(ROUNDER_F).sub(ROUNDER_F);
            FloatVector k2 = k.sub(k1);
            FloatVector s1 = ((IntVector) k1.add(ROUNDER_F + 127).reinterpretAsInts())
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector s2 = ((IntVector) k2.add(ROUNDER_F + 127).reinterpretAsInts())
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            p.mul(s1).mul(s2).intoArray(out, i);
        }
    }
}
