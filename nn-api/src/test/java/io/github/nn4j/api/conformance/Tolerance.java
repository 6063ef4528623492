package io.github.nn4j.api.conformance;

import io.github.nn4j.api.tensor.DType;

/**
 * The error every backend operation may make, per {@link DType}, derived from how the operation rounds: the
 * single place where the conformance suite's tolerances are stated. A result {@code actual} passes when
 * {@code |actual - exact| <= bound}, where {@code exact} comes from the independent {@link ReferenceMath} (with
 * an error of its own far below the bound, or counted in it where it is not) and {@code bound} is one of the
 * methods below. NaN must meet NaN and an infinity the same infinity ({@link #within}).
 *
 * <h2>Notation</h2>
 * {@code u} is the unit roundoff of the dtype ({@code 2^-24} for FLOAT32, {@code 2^-53} for FLOAT64): a correctly
 * rounded result is within {@code u |exact|} of the exact one, i.e. within half an ulp. {@code γ(n) = n u / (1 - n u)}
 * bounds the relative error of a quantity that went through {@code n} roundings (Higham, <i>Accuracy and Stability
 * of Numerical Algorithms</i>, 2nd ed., §3.1). An ulp of {@code x} is the spacing of the dtype's numbers at
 * {@code |x|} ({@link #ulp}).
 *
 * <h2>Results that underflow</h2>
 * Every bound also allows an absolute error of the dtype's smallest normal number for results below it
 * ({@link #minNormal}): native libraries may run with flush-to-zero, and exp-based functions may return 0 where
 * the exact value is subnormal (pure's SIMD sigmoid does below {@code x = -88.8} in float).
 *
 * <h2>Element-wise operations</h2>
 * <ul>
 *   <li>{@code + - * /}, sqrt, negation, abs, square, max, min, the scalar forms, ReLU, identity, addRowVector:
 *       <b>correctly rounded</b>, i.e. exactly {@link #round round(exact)}. IEEE 754 defines these operations so; a
 *       backend that computes a FLOAT32 operation in double and rounds once is still correctly rounded for them
 *       (double rounding is innocuous when the wider format has at least {@code 2p + 2} bits: 53 ≥ 50), and so is
 *       the reference, which computes them in double. Scalars in the tests are representable in the dtype, so
 *       whether a backend rounds {@code s} to the dtype first does not matter.</li>
 *   <li>{@link ElementFunction}: a budget per function and dtype, the largest error among the backends'
 *       implementations plus, in FLOAT64, the reference's own error; each budget states its reasons.</li>
 *   <li>Activation backward {@code dx = f'(x) dy}: the derivative is a polynomial {@code h(y)} of the forward
 *       output ({@code y(1-y)}, {@code 1-y²}), multiplied by {@code dy}: three roundings, {@code γ(3) |f'(x) dy|};
 *       plus the forward's error carried through {@code h}, {@code |h'(y)| · e(y) · |dy|}, because a backend may
 *       use its stored, rounded {@code y} or recompute {@code f(x)} ({@link #activationBackward}).</li>
 *   <li>axpy {@code y + αx}: a product and a sum, plus the rounding of α to the dtype: {@code γ(3) (|y| + |αx|)}.</li>
 * </ul>
 *
 * <h2>Matrix products</h2>
 * Each element of {@code α op(a) op(b) + β c} is a dot product of length {@code k}. Whatever the summation order
 * (blocked, in vector lanes, pairwise, with or without fused multiply-adds), each term {@code a_ip b_pj} passes
 * through at most one multiplication, {@code k} additions (the {@code k} products and {@code βc} are {@code k + 1}
 * summands, whatever tree adds them) and one multiplication by α: {@code γ(k + 2) (|α| Σ|a_ip||b_pj| + |β c_ij|)}
 * (Higham §3.1, eq. 3.5, for any order). This is the bound {@code γ_k Σ|a||b|} of a dot product, plus the two
 * scalings.
 *
 * <h2>Reductions</h2>
 * {@link io.github.nn4j.api.tensor.Reduction Reductions} to one number accumulate in double precision whatever
 * the dtype (FLOAT32 elements convert to double exactly, and so do their squares): a sum of {@code n} terms in any
 * order is within {@code γ_double(n - 1) Σ|x|} of the exact sum ({@link #sum}), about {@code 10^-16 n} relative to
 * {@code Σ|x|}; a FLOAT32 accumulator misses that by orders of magnitude. Max and min are exact. A sum along an axis
 * ({@code sumAlong}) is stored in the dtype and may be accumulated in it, as GPU libraries and ND4J's own reduction
 * do: {@code γ(n) Σ|x|} ({@link #sumAlong}: {@code n - 1} additions and the final rounding); a lost or repeated term
 * is still far outside it.
 *
 * <h2>Training</h2>
 * The model half of the suite chains these bounds through a network ({@link ReferenceNetwork}): every quantity of
 * a training step is computed in double by the reference together with a first-order bound of the difference to
 * what a backend may compute, from the bounds above.
 */
public final class Tolerance {
    /**
     * The relative error of the reference's own derivatives of sigmoid and tanh ({@link ReferenceMath}: an
     * exponential or cosh within 2.5 double ulps, squared, and a division): 8 double ulps.
     */
    static final double REFERENCE_DERIVATIVE_ERROR = 8 * 0x1p-53;

    private final DType dtype;
    private final double u;
    private final double minNormal;
    private final int precisionBits;

    private Tolerance(DType dtype) {
        this.dtype = dtype;
        this.precisionBits = dtype == DType.FLOAT32 ? 24 : 53;
        this.u = Math.scalb(1.0, -precisionBits);
        this.minNormal = dtype == DType.FLOAT32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
    }

    private static final Tolerance FLOAT32 = new Tolerance(DType.FLOAT32);
    private static final Tolerance FLOAT64 = new Tolerance(DType.FLOAT64);
    /** Double precision, in which sums are accumulated whatever the dtype. */
    private static final Tolerance ACCUMULATION = FLOAT64;

    /** The tolerances of {@code dtype}. */
    public static Tolerance of(DType dtype) {
        return dtype == DType.FLOAT32 ? FLOAT32 : FLOAT64;
    }

    /** The dtype. */
    public DType dtype() {
        return dtype;
    }

    /** The unit roundoff {@code u}: {@code 2^-24} or {@code 2^-53}. */
    public double unitRoundoff() {
        return u;
    }

    /** The smallest normal number of the dtype, the absolute error allowed for results below it. */
    public double minNormal() {
        return minNormal;
    }

    /** {@code γ(n) = n u / (1 - n u)}: the relative error of {@code n} roundings. */
    public double gamma(int n) {
        double nu = n * u;
        if (nu >= 1) {
            throw new IllegalArgumentException("γ(" + n + ") is undefined for " + dtype);
        }
        return nu / (1 - nu);
    }

    /** The spacing of the dtype's numbers at {@code |x|} (subnormal spacing below the normal range). */
    public double ulp(double x) {
        int minExponent = dtype == DType.FLOAT32 ? Float.MIN_EXPONENT : Double.MIN_EXPONENT;
        double ax = Math.abs(x);
        int e = ax == 0 || ax < minNormal ? minExponent : Math.getExponent(ax);
        return Math.scalb(1.0, e - (precisionBits - 1));
    }

    /** The allowance for underflow: {@link #minNormal} where the exact result is below it, else 0. */
    public double underflow(double exact) {
        return Math.abs(exact) < minNormal ? minNormal : 0;
    }

    /** {@code ulps} ulps of {@code exact}, plus the underflow allowance. */
    public double ulps(double exact, double ulps) {
        return ulps * ulp(exact) + underflow(exact);
    }

    /** {@code x} rounded to the dtype, as a correctly rounded operation returns it ({@code (float) x} for FLOAT32). */
    public double round(double x) {
        return dtype == DType.FLOAT32 ? (float) x : x;
    }

    /**
     * The value a result within a few ulps of {@code exact} is compared with: {@code exact}, or the dtype's infinity
     * when {@code exact} overflows it.
     */
    public double expected(double exact) {
        double rounded = round(exact);
        return Double.isInfinite(rounded) ? rounded : exact;
    }

    /** An element function's result: its {@link ElementFunction} budget in ulps of {@code exact}. */
    public double function(ElementFunction f, double exact) {
        return ulps(exact, f.ulps(dtype));
    }

    /**
     * {@code dx = f'(x) dy} of an activation whose forward value is {@code y = f(x)} and derivative
     * {@code derivative = f'(x)}; {@code slope} bounds {@code |h'(y)|}, the sensitivity of the derivative formula
     * to an error in {@code y} (sigmoid {@code |1 - 2y| <= 1}, tanh {@code |2y|}), and {@code forward} is the
     * forward function's budget. Adds the reference derivative's own error ({@link #REFERENCE_DERIVATIVE_ERROR}).
     */
    public double activationBackward(ElementFunction forward, double y, double derivative, double slope, double dy) {
        double yError = function(forward, y);
        double product = Math.abs(derivative * dy);
        return (gamma(3) + REFERENCE_DERIVATIVE_ERROR) * product + slope * yError * Math.abs(dy)
                + underflow(derivative * dy);
    }

    /** {@code y + αx}: {@code γ(3) (|y| + |αx|)} (the product, the sum, and α rounded to the dtype). */
    public double axpy(double y, double alphaX) {
        return gamma(3) * (Math.abs(y) + Math.abs(alphaX)) + underflow(y + alphaX);
    }

    /**
     * One element of {@code α op(a) op(b) + β c} with inner dimension {@code k}, given
     * {@code scale = |α| Σ_p |a_ip| |b_pj| + |β c_ij|}: {@code γ(k + 2) · scale}, plus {@code 2k + 2} underflows
     * (every product and sum may flush).
     */
    public double dot(int k, double scale) {
        return gamma(k + 2) * scale + (2.0 * k + 2) * minNormal;
    }

    /**
     * A sum of {@code n} terms accumulated in double in any order, returned as a double: {@code γ_double(n - 1)}
     * times {@code sumOfAbs}.
     */
    public static double sum(int n, double sumOfAbs) {
        return n <= 1 ? 0 : ACCUMULATION.gamma(n - 1) * sumOfAbs;
    }

    /** A sum of {@code n} terms along an axis, stored in the dtype and accumulated in it or wider: {@code γ(n) Σ|x|}. */
    public double sumAlong(int n, double sumOfAbs) {
        return gamma(n) * sumOfAbs + n * minNormal;
    }

    /**
     * Output {@code y} of a softmax over {@code classes} values. Each exponential within the
     * {@link ElementFunction#EXP} budget ({@code E} ulps, at most {@code 2E u} relative), their sum within
     * {@code 2E u + γ(classes − 1)} relative (a sum of positive terms, in the dtype or wider), one division: relative
     * error {@code (4E + 1) u + γ(classes − 1)}, plus the reference's own (an exponential, a compensated sum and a
     * division: {@link #REFERENCE_SOFTMAX_ERROR}), plus the underflow allowance.
     */
    public double softmax(int classes, double y) {
        return softmaxRelative(classes) * Math.abs(y) + underflow(y);
    }

    /** The relative error of one softmax output over {@code classes} values; see {@link #softmax}. */
    public double softmaxRelative(int classes) {
        double e = ElementFunction.EXP.ulps(dtype);
        return (4 * e + 1) * u + (classes > 1 ? gamma(classes - 1) : 0) + REFERENCE_SOFTMAX_ERROR;
    }

    /**
     * Element {@code dx_j = y_j (dy_j − s)} of the softmax gradient, {@code s = Σ_k y_k dy_k} over {@code classes}
     * values with {@code Σ|y_k dy_k| = dotOfAbs}: the dot product {@code γ(classes)} relative to its absolute terms,
     * the subtraction and the product one rounding each, and the reference's own double rounding.
     */
    public double softmaxBackward(int classes, double y, double dy, double s, double dotOfAbs) {
        double difference = Math.abs(dy - s);
        double dx = Math.abs(y) * difference;
        return Math.abs(y) * (gamma(classes) * dotOfAbs + u * difference) + u * dx
                + REFERENCE_SOFTMAX_ERROR * Math.abs(y) * (Math.abs(dy) + dotOfAbs) + underflow(dx);
    }

    /**
     * The loss of one row of a softmax cross-entropy, {@code Σ_j t_j (lse − z_j)} with {@code lse} the row's
     * log-sum-exp: the sum of exponentials within {@code 2E u + γ(classes − 1)} relative gives {@code lse} within that
     * absolute, the logarithm adds its {@link ElementFunction#LOG} budget, and each difference and product one rounding
     * of its magnitude; {@code weight = Σ|t_j|}, {@code spread = Σ_j |t_j| (|lse − m| + |z_j − m|)} with {@code m} the
     * row's maximum. Plus the reference's own error.
     */
    public double crossEntropyRow(int classes, double weight, double lse, double max, double spread) {
        double sumError = 2 * ElementFunction.EXP.ulps(dtype) * u + (classes > 1 ? gamma(classes - 1) : 0);
        double logError = sumError + 2 * ElementFunction.LOG.ulps(dtype) * u * Math.abs(lse - max);
        return weight * logError + gamma(3) * spread + REFERENCE_SOFTMAX_ERROR * (weight * Math.abs(max) + spread);
    }

    /**
     * A gradient element {@code scale (p T − t)} of a softmax cross-entropy, given the softmax output {@code p}, the
     * row's target weight {@code T = Σ t} (exact for labels and one-hot rows, else within {@code γ(classes) Σ|t|}) and
     * target {@code t}: the softmax's relative error, then a product, a difference and the scaling (with the scale
     * rounded to the dtype) one rounding each.
     */
    public double crossEntropyGradient(int classes, double scale, double p, double weight, double t) {
        double exact = Math.abs(scale * (p * weight - t));
        double inner = softmaxRelative(classes) * p * Math.abs(weight) + p * gamma(classes) * Math.abs(weight)
                + gamma(4) * (p * Math.abs(weight) + Math.abs(t));
        return Math.abs(scale) * inner + underflow(exact);
    }

    /**
     * The loss of one element of a binary cross-entropy on logits, {@code max(z, 0) − z t + log(1 + e^−|z|)} with
     * {@code log1p = log(1 + e^−|z|)}: the exponential's relative error carried through {@code log1p} (at most its
     * share {@code e/(1+e) <= 1}), the logarithm's own, and the product and two sums one rounding each of the terms'
     * magnitudes.
     */
    public double binaryCrossEntropy(double z, double t, double log1p) {
        double terms = Math.max(z, 0) + Math.abs(z * t) + log1p;
        return gamma(3) * terms + 2 * (ElementFunction.EXP.ulps(dtype) + ElementFunction.LOG.ulps(dtype)) * u * log1p
                + REFERENCE_SOFTMAX_ERROR * terms;
    }

    /**
     * A gradient element {@code scale (σ(z) − t)} of a binary cross-entropy on logits: the sigmoid within its
     * {@link ElementFunction#SIGMOID} budget, then a difference and the scaling one rounding each.
     */
    public double binaryCrossEntropyGradient(double scale, double sigmoid, double t) {
        double exact = scale * (sigmoid - t);
        return Math.abs(scale) * (function(ElementFunction.SIGMOID, sigmoid) + gamma(3) * (sigmoid + Math.abs(t)))
                + REFERENCE_SOFTMAX_ERROR * Math.abs(exact) + underflow(exact);
    }

    /** The reference's own relative error in softmax and log-sum-exp: exponentials within 1 double ulp, a compensated sum, a division, a logarithm. */
    static final double REFERENCE_SOFTMAX_ERROR = 8 * 0x1p-53;

    /**
     * Whether {@code actual} is within {@code bound} of {@code expected}; NaN only matches NaN, an infinity only
     * the same infinity (a finite bound never excuses an overflow).
     */
    public static boolean within(double actual, double expected, double bound) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return actual == expected;
        }
        return Math.abs(actual - expected) <= bound;
    }

    @Override
    public String toString() {
        return dtype + " (u = 2^-" + precisionBits + ")";
    }

    /**
     * The transcendental element functions, each with its error budget in ulps of the exact result, per dtype. A
     * budget is the largest error among the backends' implementations (as documented in their sources and measured
     * by their own tests), rounded up; in FLOAT64 it adds the error of {@link ReferenceMath} itself
     * ({@link StrictMath}: exp and log within 1 ulp, tanh within 2.5), which in FLOAT32 is a billionth of an ulp.
     */
    public enum ElementFunction {
        /**
         * FLOAT32: 1 ulp where a backend computes {@code Math.exp} in double and rounds once (pure scalar, jblas,
         * ND4J host kernels: half an ulp plus a billionth); pure's SIMD exp is within 1 ulp (measured 0.92); ND4J's
         * native exp 0.5 (measured); budget 2. FLOAT64: {@code Math.exp}, pure's SIMD exp and ND4J's within 1 ulp,
         * the reference within 1: budget 2.
         */
        EXP(2, 2),
        /** {@code Math.log} within 1 ulp in FLOAT64, rounded once in FLOAT32; ND4J's logf within 1 ulp. Budget 1 and 2. */
        LOG(1, 2),
        /**
         * {@code 1 / (1 + exp(-x))}. FLOAT32: computed in double and rounded once (1 ulp); pure's SIMD sigmoid within
         * 3 ulps (measured 2.4: float exp, a sum and a division); ND4J's native one 2.3 (measured): budget 4.
         * FLOAT64: pure's SIMD within 4 ulps, ND4J's 3 (measured), {@code Math.exp}-based within 2, the reference
         * within 2: budget 6.
         */
        SIGMOID(4, 6),
        /**
         * FLOAT32: pure's scalar tanh from {@code Math.exp} in double and {@code Math.tanh} in jblas round once (1 ulp;
         * below {@code |x| = 1e-7} tanh rounds to x); pure's SIMD tanh within 2 ulps (measured 1.8), its series below
         * 0.5; ND4J's native tanh 2.5 (measured; below {@code |x| = 0.5} the backend takes sinh/cosh, because ND4J's
         * own tanh cancels there); budget 4. FLOAT64: pure's SIMD tanh within 16 ulps (its exp form just above
         * {@code |x| = 0.1}), ND4J's 4 (measured), {@code Math.tanh} within 2.5, the reference within 2.5: budget
         * 20.
         */
        TANH(4, 20);

        private final double float32Ulps;
        private final double float64Ulps;

        ElementFunction(double float32Ulps, double float64Ulps) {
            this.float32Ulps = float32Ulps;
            this.float64Ulps = float64Ulps;
        }

        /** The budget in ulps for {@code dtype}. */
        public double ulps(DType dtype) {
            return dtype == DType.FLOAT32 ? float32Ulps : float64Ulps;
        }
    }
}
