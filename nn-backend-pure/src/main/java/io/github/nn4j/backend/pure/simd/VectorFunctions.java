package io.github.nn4j.backend.pure.simd;

import io.github.nn4j.backend.pure.threads.ScratchPadding;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, tanh and the logistic sigmoid over arrays on the Vector API, built only from operations IEEE 754
 * defines exactly (add, multiply, divide, fused multiply-add, comparisons, bit manipulation), in the
 * precision of the array (float arrays in float lanes, twice as many per vector). Unlike the Vector API's own
 * {@code lanewise(EXP)}, they give the same bits compiled or interpreted, for every element (arrays go through a
 * per-thread buffer padded to whole vectors), so identical runs cannot diverge. Arrays shorter than
 * {@link #MIN_LENGTH} never get here: the kernels send them to the scalar functions, which is as deterministic,
 * since the path depends only on the length.
 *
 * <p>Accuracy, double: exp within 1 ulp over the whole range (+infinity above 709.78, gradual underflow
 * to subnormals and 0 below -708); sigmoid within 4 ulps; tanh within 16 ulps (relative error below
 * 2e-15, largest just above |x| = 0.1 where its series hands over). Float: exp within 1 ulp (+infinity
 * above 88.72, subnormals below -87.3), sigmoid within 3 ulps, tanh within 2 ulps (measured maxima
 * 0.92, 2.4 and 1.8 ulps over 8 million arguments). NaN in, NaN out.
 *
 * <p>Each function is one straight loop in a method of its own, with the exp computation written out in each, and
 * the exponent bits reinterpreted through constant species: the shape C2 needs to keep every vector in registers
 * ({@code docs/jit-notes.md}, sections 1, 3, 5 and 6).
 */
final class VectorFunctions {
    /**
     * The kernels use these functions only for at least this many elements and the scalar ones below it: a vector
     * loop the JIT has not compiled yet is slow, which dominates tiny tensors called very often (XOR; see
     * {@code docs/jit-notes.md}, section 6).
     */
    static final int MIN_LENGTH = 256;

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int DL = D.length();
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int FL = F.length();
    /**
     * The integer species of the same shape, for the exponent bits: reinterpreted through {@code reinterpretShape}
     * with these constants, not {@code reinterpretAsInts()} ({@code docs/jit-notes.md}, section 3).
     */
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, F.vectorShape());
    private static final VectorSpecies<Long> LS = VectorSpecies.of(long.class, D.vectorShape());
    /** Elements per pass through the per-thread buffers (a multiple of every vector length). */
    private static final int CHUNK = 512;

    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split so that {@code k * LN2_HI} is exact for the |k| that occur. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** Adding and subtracting 1.5 * 2^52 rounds a double of magnitude below 2^51 to an integer. */
    private static final double ROUNDER = 0x1.8p52;
    /**
     * {@code ROUNDER} plus the exponent bias of double, 1023: added to an integer-valued {@code k}, it leaves
     * {@code k + 1023}, the biased exponent of {@code 2^k}, in the low bits of the sum.
     */
    private static final double BIASED_ROUNDER = ROUNDER + 1023;
    /** Bits of a double's significand below its exponent field: shifting a biased exponent left by this builds 2^k. */
    private static final int SIGNIFICAND_BITS = 52;
    /** Above this exp(x) is +infinity, below the next 0; clamping keeps the exponent arithmetic in range. */
    private static final double EXP_MAX = 709.8;
    private static final double EXP_MIN = -746.0;
    /** Below this |x|, tanh uses its Taylor series (the exp form would lose digits to cancellation). */
    private static final double TANH_SERIES_MAX = 0.1;

    private static final float LOG2E_F = 1.44269504f;
    /** ln 2 split for float: LN2_HI_F has 9 significant bits, so k * LN2_HI_F is exact for |k| < 2^15. */
    private static final float LN2_HI_F = 0.693359375f;
    private static final float LN2_LO_F = (float) (Math.log(2) - 0.693359375);
    private static final float ROUNDER_F = 0x1.8p23f;
    /** {@code ROUNDER_F} plus the exponent bias of float, 127 (see {@link #BIASED_ROUNDER}). */
    private static final float BIASED_ROUNDER_F = ROUNDER_F + 127;
    /** Bits of a float's significand below its exponent field. */
    private static final int SIGNIFICAND_BITS_F = 23;
    private static final float EXP_MAX_F = 88.8f;
    private static final float EXP_MIN_F = -104f;
    private static final float TANH_SERIES_MAX_F = 0.5f;

    /** Where a chunk starts in the per-thread buffers, which are written on every chunk: see {@link ScratchPadding}. */
    private static final int START = ScratchPadding.ELEMENTS;
    private static final ThreadLocal<double[]> DOUBLE_BUFFER =
            ThreadLocal.withInitial(() -> ScratchPadding.doubles(CHUNK));
    private static final ThreadLocal<float[]> FLOAT_BUFFER =
            ThreadLocal.withInitial(() -> ScratchPadding.floats(CHUNK));

    private VectorFunctions() {
    }

    /** {@code out[i] = e^x[i]} for {@code from <= i < to}; {@code out} may be {@code x}. */
    static void exp(double[] x, double[] out, int from, int to) {
        double[] v = DOUBLE_BUFFER.get();
        for (int start = from; start < to; start += CHUNK) {
            int padded = load(x, start, to, v);
            expLoop(v, padded);
            System.arraycopy(v, START, out, start, Math.min(CHUNK, to - start));
        }
    }

    /**
     * {@code out[i] = 1 / (1 + e^-x[i])} for {@code from <= i < to}: exactly 0 or 1 far out, never NaN for
     * non-NaN x; {@code out} may be {@code x}.
     */
    static void sigmoid(double[] x, double[] out, int from, int to) {
        double[] v = DOUBLE_BUFFER.get();
        for (int start = from; start < to; start += CHUNK) {
            int padded = load(x, start, to, v);
            sigmoidLoop(v, padded);
            System.arraycopy(v, START, out, start, Math.min(CHUNK, to - start));
        }
    }

    /** {@code out[i] = tanh(x[i])} for {@code from <= i < to}; {@code out} may be {@code x}. */
    static void tanh(double[] x, double[] out, int from, int to) {
        double[] v = DOUBLE_BUFFER.get();
        for (int start = from; start < to; start += CHUNK) {
            int padded = load(x, start, to, v);
            tanhLoop(v, padded);
            System.arraycopy(v, START, out, start, Math.min(CHUNK, to - start));
        }
    }

    /** {@code out[i] = e^x[i]} in float for {@code from <= i < to} (+infinity above about 88.72). */
    static void exp(float[] x, float[] out, int from, int to) {
        float[] v = FLOAT_BUFFER.get();
        for (int start = from; start < to; start += CHUNK) {
            int padded = load(x, start, to, v);
            expLoop(v, padded);
            System.arraycopy(v, START, out, start, Math.min(CHUNK, to - start));
        }
    }

    /** The sigmoid in float, for {@code from <= i < to}. */
    static void sigmoid(float[] x, float[] out, int from, int to) {
        float[] v = FLOAT_BUFFER.get();
        for (int start = from; start < to; start += CHUNK) {
            int padded = load(x, start, to, v);
            sigmoidLoop(v, padded);
            System.arraycopy(v, START, out, start, Math.min(CHUNK, to - start));
        }
    }

    /** tanh in float, for {@code from <= i < to}. */
    static void tanh(float[] x, float[] out, int from, int to) {
        float[] v = FLOAT_BUFFER.get();
        for (int start = from; start < to; start += CHUNK) {
            int padded = load(x, start, to, v);
            tanhLoop(v, padded);
            System.arraycopy(v, START, out, start, Math.min(CHUNK, to - start));
        }
    }

    /**
     * Copies the chunk of {@code x} at {@code from} into {@code v} from {@link #START}, zero-padded to whole vectors;
     * the new length.
     */
    private static int load(double[] x, int from, int n, double[] v) {
        int count = Math.min(CHUNK, n - from);
        int padded = (count + DL - 1) / DL * DL;
        System.arraycopy(x, from, v, START, count);
        java.util.Arrays.fill(v, START + count, START + padded, 0.0);
        return padded;
    }

    /**
     * Copies the chunk of {@code x} at {@code from} into {@code v} from {@link #START}, zero-padded to whole vectors;
     * the new length.
     */
    private static int load(float[] x, int from, int n, float[] v) {
        int count = Math.min(CHUNK, n - from);
        int padded = (count + FL - 1) / FL * FL;
        System.arraycopy(x, from, v, START, count);
        java.util.Arrays.fill(v, START + count, START + padded, 0f);
        return padded;
    }

    /**
     * {@code v[i] = e^{v[i]}} for the {@code len} elements from {@link #START}, a multiple of the vector length.
     * Method: k = round(x / ln 2), r = x - k ln 2 in two parts, e^r by its Taylor polynomial to r^13 (truncation
     * below 1e-17 for |r| <= ln2/2), times 2^k built in the exponent bits as two factors 2^k1 2^k2 (k1 = round(k/2)),
     * each a normal number even when 2^k is not, so that subnormal results come out right. The bits of
     * (m + BIASED_ROUNDER) end in the integer m + 1023, and shifting them left by SIGNIFICAND_BITS gives the bits of
     * 2^m.
     */
    private static void expLoop(double[] v, int len) {
        for (int i = START; i < START + len; i += DL) {
            DoubleVector y = DoubleVector.fromArray(D, v, i).max(EXP_MIN).min(EXP_MAX); // max/min keep NaN
            DoubleVector k = y.mul(LOG2E).add(ROUNDER).sub(ROUNDER);
            DoubleVector r = y.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO)); // exact first step; |r| <= ln2/2 (+ tiny)
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
            DoubleVector k1 = k.mul(0.5).add(ROUNDER).sub(ROUNDER);
            DoubleVector s1 = (DoubleVector) ((LongVector) k1.add(BIASED_ROUNDER).reinterpretShape(LS, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS).reinterpretShape(D, 0);
            DoubleVector s2 = (DoubleVector) ((LongVector) k.sub(k1).add(BIASED_ROUNDER).reinterpretShape(LS, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS).reinterpretShape(D, 0);
            DoubleVector e = s2.mul(s1.mul(p)); // (p s1) s2; the reinterpreted scales as receivers, see I
            e.intoArray(v, i);
        }
    }

    /** {@code v[i] = 1 / (1 + e^{-v[i]})}: the exp loop with the sigmoid fused in. */
    private static void sigmoidLoop(double[] v, int len) {
        for (int i = START; i < START + len; i += DL) {
            DoubleVector y = DoubleVector.fromArray(D, v, i).neg().max(EXP_MIN).min(EXP_MAX); // max/min keep NaN
            DoubleVector k = y.mul(LOG2E).add(ROUNDER).sub(ROUNDER);
            DoubleVector r = y.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO)); // exact first step; |r| <= ln2/2 (+ tiny)
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
            DoubleVector k1 = k.mul(0.5).add(ROUNDER).sub(ROUNDER);
            DoubleVector s1 = (DoubleVector) ((LongVector) k1.add(BIASED_ROUNDER).reinterpretShape(LS, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS).reinterpretShape(D, 0);
            DoubleVector s2 = (DoubleVector) ((LongVector) k.sub(k1).add(BIASED_ROUNDER).reinterpretShape(LS, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS).reinterpretShape(D, 0);
            DoubleVector e = s2.mul(s1.mul(p)); // (p s1) s2; the reinterpreted scales as receivers, see I
            DoubleVector.broadcast(D, 1.0).div(e.add(1.0)).intoArray(v, i);
        }
    }

    /**
     * {@code v[i] = tanh(v[i])}: {@code 1 - 2 / (1 + e^{2|x|})} (that is {@code 2 sigmoid(2|x|) - 1}) with the
     * sign of x for |x| >= 0.1, where cancellation costs at most a few ulps; below, the Taylor series to x^15
     * (next term under 1e-19 relative). Exactly +-1 far out; keeps -0.0.
     */
    private static void tanhLoop(double[] v, int len) {
        for (int i = START; i < START + len; i += DL) {
            DoubleVector x = DoubleVector.fromArray(D, v, i);
            DoubleVector y = x.abs().mul(2.0).min(EXP_MAX); // min keeps NaN
            DoubleVector k = y.mul(LOG2E).add(ROUNDER).sub(ROUNDER);
            DoubleVector r = y.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO)); // exact first step; |r| <= ln2/2 (+ tiny)
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
            DoubleVector k1 = k.mul(0.5).add(ROUNDER).sub(ROUNDER);
            DoubleVector s1 = (DoubleVector) ((LongVector) k1.add(BIASED_ROUNDER).reinterpretShape(LS, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS).reinterpretShape(D, 0);
            DoubleVector s2 = (DoubleVector) ((LongVector) k.sub(k1).add(BIASED_ROUNDER).reinterpretShape(LS, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS).reinterpretShape(D, 0);
            DoubleVector e = s2.mul(s1.mul(p)); // (p s1) s2; the reinterpreted scales as receivers, see I
            DoubleVector one = DoubleVector.broadcast(D, 1.0);
            DoubleVector far = one.sub(DoubleVector.broadcast(D, 2.0).div(e.add(one)));
            far = far.blend(far.neg(), x.compare(VectorOperators.LT, 0.0));
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
    }

    /** The float version of {@link #expLoop(double[], int)}, with the Taylor polynomial to r^7 (error below 6e-9). */
    private static void expLoop(float[] v, int len) {
        for (int i = START; i < START + len; i += FL) {
            FloatVector y = FloatVector.fromArray(F, v, i).max(EXP_MIN_F).min(EXP_MAX_F); // max/min keep NaN
            FloatVector k = y.mul(LOG2E_F).add(ROUNDER_F).sub(ROUNDER_F);
            FloatVector r = y.sub(k.mul(LN2_HI_F)).sub(k.mul(LN2_LO_F)); // exact first step; |r| <= ln2/2 (+ tiny)
            FloatVector p = FloatVector.broadcast(F, 1f / 5040)
                    .fma(r, FloatVector.broadcast(F, 1f / 720))
                    .fma(r, FloatVector.broadcast(F, 1f / 120))
                    .fma(r, FloatVector.broadcast(F, 1f / 24))
                    .fma(r, FloatVector.broadcast(F, 1f / 6))
                    .fma(r, FloatVector.broadcast(F, 0.5f))
                    .fma(r, FloatVector.broadcast(F, 1f))
                    .fma(r, FloatVector.broadcast(F, 1f));
            FloatVector k1 = k.mul(0.5f).add(ROUNDER_F).sub(ROUNDER_F);
            FloatVector s1 = (FloatVector) ((IntVector) k1.add(BIASED_ROUNDER_F).reinterpretShape(I, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS_F).reinterpretShape(F, 0);
            FloatVector s2 = (FloatVector) ((IntVector) k.sub(k1).add(BIASED_ROUNDER_F).reinterpretShape(I, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS_F).reinterpretShape(F, 0);
            FloatVector e = s2.mul(s1.mul(p)); // (p s1) s2; the reinterpreted scales as receivers, see I
            e.intoArray(v, i);
        }
    }

    /** {@code v[i] = 1 / (1 + e^{-v[i]})}: the exp loop with the sigmoid fused in. */
    private static void sigmoidLoop(float[] v, int len) {
        for (int i = START; i < START + len; i += FL) {
            FloatVector y = FloatVector.fromArray(F, v, i).neg().max(EXP_MIN_F).min(EXP_MAX_F); // max/min keep NaN
            FloatVector k = y.mul(LOG2E_F).add(ROUNDER_F).sub(ROUNDER_F);
            FloatVector r = y.sub(k.mul(LN2_HI_F)).sub(k.mul(LN2_LO_F)); // exact first step; |r| <= ln2/2 (+ tiny)
            FloatVector p = FloatVector.broadcast(F, 1f / 5040)
                    .fma(r, FloatVector.broadcast(F, 1f / 720))
                    .fma(r, FloatVector.broadcast(F, 1f / 120))
                    .fma(r, FloatVector.broadcast(F, 1f / 24))
                    .fma(r, FloatVector.broadcast(F, 1f / 6))
                    .fma(r, FloatVector.broadcast(F, 0.5f))
                    .fma(r, FloatVector.broadcast(F, 1f))
                    .fma(r, FloatVector.broadcast(F, 1f));
            FloatVector k1 = k.mul(0.5f).add(ROUNDER_F).sub(ROUNDER_F);
            FloatVector s1 = (FloatVector) ((IntVector) k1.add(BIASED_ROUNDER_F).reinterpretShape(I, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS_F).reinterpretShape(F, 0);
            FloatVector s2 = (FloatVector) ((IntVector) k.sub(k1).add(BIASED_ROUNDER_F).reinterpretShape(I, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS_F).reinterpretShape(F, 0);
            FloatVector e = s2.mul(s1.mul(p)); // (p s1) s2; the reinterpreted scales as receivers, see I
            FloatVector.broadcast(F, 1f).div(e.add(1f)).intoArray(v, i);
        }
    }

    /**
     * The float version of {@link #tanhLoop(double[], int)}: the series (to x^17, next term under 1e-9
     * relative) below |x| = 0.5, where {@code 1 - 2 / (1 + e^{2|x|})} is at least 0.46 and loses at most about
     * an ulp.
     */
    private static void tanhLoop(float[] v, int len) {
        for (int i = START; i < START + len; i += FL) {
            FloatVector x = FloatVector.fromArray(F, v, i);
            FloatVector y = x.abs().mul(2f).min(EXP_MAX_F); // min keeps NaN
            FloatVector k = y.mul(LOG2E_F).add(ROUNDER_F).sub(ROUNDER_F);
            FloatVector r = y.sub(k.mul(LN2_HI_F)).sub(k.mul(LN2_LO_F)); // exact first step; |r| <= ln2/2 (+ tiny)
            FloatVector p = FloatVector.broadcast(F, 1f / 5040)
                    .fma(r, FloatVector.broadcast(F, 1f / 720))
                    .fma(r, FloatVector.broadcast(F, 1f / 120))
                    .fma(r, FloatVector.broadcast(F, 1f / 24))
                    .fma(r, FloatVector.broadcast(F, 1f / 6))
                    .fma(r, FloatVector.broadcast(F, 0.5f))
                    .fma(r, FloatVector.broadcast(F, 1f))
                    .fma(r, FloatVector.broadcast(F, 1f));
            FloatVector k1 = k.mul(0.5f).add(ROUNDER_F).sub(ROUNDER_F);
            FloatVector s1 = (FloatVector) ((IntVector) k1.add(BIASED_ROUNDER_F).reinterpretShape(I, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS_F).reinterpretShape(F, 0);
            FloatVector s2 = (FloatVector) ((IntVector) k.sub(k1).add(BIASED_ROUNDER_F).reinterpretShape(I, 0))
                    .lanewise(VectorOperators.LSHL, SIGNIFICAND_BITS_F).reinterpretShape(F, 0);
            FloatVector e = s2.mul(s1.mul(p)); // (p s1) s2; the reinterpreted scales as receivers, see I
            FloatVector one = FloatVector.broadcast(F, 1f);
            FloatVector far = one.sub(FloatVector.broadcast(F, 2f).div(e.add(one)));
            far = far.blend(far.neg(), x.compare(VectorOperators.LT, 0f));
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
    }
}
