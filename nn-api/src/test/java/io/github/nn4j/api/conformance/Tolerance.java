package io.github.nn4j.api.conformance;

import io.github.nn4j.api.tensor.DType;

/**
 * The tolerances every backend is held to, per dtype. A value {@code actual} matches {@code expected}
 * when {@code |actual - expected| <= abs + rel * scale}, where {@code scale} is {@code |expected|} for
 * element-wise results and {@code sum_k |a_ik| |b_kj|} for matrix products (the natural error bound of
 * a dot product, so long inner dimensions are judged fairly).
 *
 * <ul>
 *   <li>FLOAT32: rel 1e-5, abs 1e-6 (a few float ulps; vectorised exp/tanh approximations must stay within);</li>
 *   <li>FLOAT64: rel 1e-12, abs 1e-12.</li>
 * </ul>
 */
public record Tolerance(double rel, double abs) {
    public static final Tolerance FLOAT32 = new Tolerance(1e-5, 1e-6);
    public static final Tolerance FLOAT64 = new Tolerance(1e-12, 1e-12);

    public static Tolerance of(DType dtype) {
        return dtype == DType.FLOAT32 ? FLOAT32 : FLOAT64;
    }

    public boolean matches(double actual, double expected, double scale) {
        if (Double.isNaN(expected)) {
            return Double.isNaN(actual);
        }
        if (Double.isInfinite(expected)) {
            return actual == expected;
        }
        return Math.abs(actual - expected) <= abs + rel * Math.abs(scale);
    }
}
