package io.github.nn4j.api.conformance;

/**
 * The exact values the conformance suite expects, computed by test code written apart from nn-api's own
 * definitions ({@code Activation}, {@code UnaryOp}, {@code BinaryOp}, {@code ScalarOp}, {@code Reduction}) and from
 * every backend's kernels, so that a mistake there cannot hide behind itself.
 *
 * <ul>
 *   <li>Transcendental functions come from {@link StrictMath} (the fdlibm algorithms, the same bits on every JVM),
 *       in forms without cancellation: the sigmoid of a negative argument as {@code e^x / (1 + e^x)}, derivatives
 *       from {@code x} rather than from the forward output ({@code e^-|x| / (1 + e^-|x|)²},
 *       {@code 1 / cosh² x}). Their errors, a few double ulps, are counted in {@link Tolerance}.</li>
 *   <li>Dot products and sums are compensated (Ogita, Rump and Oishi, "Accurate sum and dot product", SIAM J. Sci.
 *       Comput. 26, 2005: TwoSum, and TwoProduct by a fused multiply-add): as accurate as if computed in twice
 *       double precision and rounded once, so the reference of a FLOAT64 product is not as inexact as the result it
 *       judges.</li>
 * </ul>
 * The self-test {@code ReferenceMathTest} checks these against {@link java.math.BigDecimal} series and finite
 * differences.
 */
public final class ReferenceMath {
    private ReferenceMath() {
    }

    /** {@code e^x}. */
    public static double exp(double x) {
        return StrictMath.exp(x);
    }

    /** Natural logarithm. */
    public static double log(double x) {
        return StrictMath.log(x);
    }

    /** Square root (correctly rounded). */
    public static double sqrt(double x) {
        return StrictMath.sqrt(x);
    }

    /** The logistic function {@code 1 / (1 + e^-x)}, without overflow or cancellation on either side. */
    public static double sigmoid(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x >= 0) {
            return 1 / (1 + StrictMath.exp(-x));
        }
        double e = StrictMath.exp(x);
        return e / (1 + e);
    }

    /** {@code σ'(x) = e^-|x| / (1 + e^-|x|)²}, from x (symmetric in x). */
    public static double sigmoidDerivative(double x) {
        double e = StrictMath.exp(-Math.abs(x));
        return e / ((1 + e) * (1 + e));
    }

    /** Hyperbolic tangent. */
    public static double tanh(double x) {
        return StrictMath.tanh(x);
    }

    /** {@code tanh'(x) = 1 / cosh² x}, from x (0 where cosh overflows). */
    public static double tanhDerivative(double x) {
        double c = StrictMath.cosh(x);
        return 1 / (c * c);
    }

    /** {@code max(0, x)} with +0 for every {@code x <= 0} (and, as nn4j defines it, for NaN). */
    public static double relu(double x) {
        return x > 0 ? x : 0.0;
    }

    /** ReLU's derivative: 1 for {@code x > 0}, else 0 (0 at the kink, as nn4j defines it). */
    public static double reluDerivative(double x) {
        return x > 0 ? 1.0 : 0.0;
    }

    /** Leaky ReLU {@code x > 0 ? x : alpha x}, exact (rounding is the caller's); NaN stays NaN. */
    public static double leakyRelu(double x, double alpha) {
        return x > 0 ? x : alpha * x;
    }

    /** Leaky ReLU's derivative: 1 for {@code x > 0}, else {@code alpha} (at the kink too). */
    public static double leakyReluDerivative(double x, double alpha) {
        return x > 0 ? 1.0 : alpha;
    }

    /**
     * The softmax of {@code x[from .. from+n-1]}: {@code e^(x_j - m) / Σ e^(x_k - m)} with {@code m} the largest, the
     * sum compensated.
     */
    public static double[] softmax(double[] x, int from, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            m = Math.max(m, x[from + j]);
        }
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = StrictMath.exp(x[from + j] - m);
        }
        double s = sum(e);
        for (int j = 0; j < n; j++) {
            e[j] /= s;
        }
        return e;
    }

    /** {@code log Σ_j e^(x_j)} over {@code x[from .. from+n-1]}, as {@code m + log Σ e^(x_j - m)}. */
    public static double logSumExp(double[] x, int from, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            m = Math.max(m, x[from + j]);
        }
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = StrictMath.exp(x[from + j] - m);
        }
        return m + StrictMath.log(sum(e));
    }

    /**
     * The binary cross-entropy of a logit {@code z} against a target {@code t}, {@code -t log σ(z) - (1-t) log(1-σ(z))},
     * as {@code t·softplus(-z) + (1-t)·softplus(z)} with {@code softplus(x) = max(x, 0) + log(1 + e^-|x|)}.
     */
    public static double binaryCrossEntropy(double z, double t) {
        return t * softplus(-z) + (1 - t) * softplus(z);
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
    }

    /**
     * Whether the dropout mask of {@code (seed, step)} keeps element {@code index}, from the rule's statement in
     * {@code DropoutMasks}' documentation (SplitMix64's output function on a per-step key).
     */
    public static boolean dropoutKeeps(long seed, long step, long index, double rate) {
        long gamma = 0x9E3779B97F4A7C15L;
        long key = splitMix(seed ^ splitMix(step + gamma));
        long u = splitMix(key + (index + 1) * gamma);
        return (u >>> 11) * 0x1p-53 >= rate;
    }

    private static long splitMix(long z) {
        long a = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        long b = (a ^ (a >>> 27)) * 0x94D049BB133111EBL;
        return b ^ (b >>> 31);
    }

    /** {@code Σ x[from + i·stride]} for {@code i < n}, compensated (TwoSum). */
    public static double sum(double[] x, int from, int n, int stride) {
        double s = 0;
        double c = 0;
        for (int i = 0; i < n; i++) {
            double v = x[from + i * stride];
            double t = s + v;
            double z = t - s;
            c += (s - (t - z)) + (v - z);
            s = t;
        }
        return Double.isFinite(s) ? s + c : s; // an infinite or NaN sum makes the corrections NaN
    }

    /** {@code Σ x[i]}, compensated. */
    public static double sum(double[] x) {
        return sum(x, 0, x.length, 1);
    }

    /** {@code Σ x[i]²}, compensated (TwoProduct and TwoSum). */
    public static double sumOfSquares(double[] x) {
        return dot(x, 0, 1, x, 0, 1, x.length);
    }

    /** {@code Σ |x[from + i·stride]|} (a scale for error bounds; plain summation is accurate enough). */
    public static double sumOfAbs(double[] x, int from, int n, int stride) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(x[from + i * stride]);
        }
        return s;
    }

    /**
     * {@code Σ_p a[aFrom + p·aStride] · b[bFrom + p·bStride]} for {@code p < k}, compensated (Dot2): TwoProduct by
     * a fused multiply-add gives each product's rounding error exactly, TwoSum each addition's.
     */
    public static double dot(double[] a, int aFrom, int aStride, double[] b, int bFrom, int bStride, int k) {
        double s = 0;
        double c = 0;
        for (int p = 0; p < k; p++) {
            double x = a[aFrom + p * aStride];
            double y = b[bFrom + p * bStride];
            double h = x * y;
            double r = Math.fma(x, y, -h);
            double t = s + h;
            double z = t - s;
            c += (s - (t - z)) + (h - z) + r;
            s = t;
        }
        return Double.isFinite(s) ? s + c : s;
    }

    /** {@code Σ_p |a_p| |b_p|} over the same elements as {@link #dot} (a scale for error bounds). */
    public static double dotOfAbs(double[] a, int aFrom, int aStride, double[] b, int bFrom, int bStride, int k) {
        double s = 0;
        for (int p = 0; p < k; p++) {
            s += Math.abs(a[aFrom + p * aStride] * b[bFrom + p * bStride]);
        }
        return s;
    }
}
