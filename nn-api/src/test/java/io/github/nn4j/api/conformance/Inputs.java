package io.github.nn4j.api.conformance;

import io.github.nn4j.api.tensor.DType;
import java.util.Arrays;
import java.util.Random;

/**
 * Test inputs: every element-wise input starts with values where implementations go wrong (zero and its sign,
 * arguments near zero where a cutoff or a cancellation shows, the turning points of pure's SIMD tanh at 0.1 and 0.5,
 * saturation, overflow and underflow), then mixes three populations: typical values, magnitudes near zero
 * ({@code 10^-30 .. 10^-1}) and large magnitudes. Values are rounded to the dtype so the reference sees what a
 * tensor stores.
 */
final class Inputs {
    /**
     * Values of either sign: near zero (first, so that even a one-element tensor has an argument where a cutoff or a
     * cancellation shows), zeros, the SIMD tanh's hand-over points, saturation, overflow.
     */
    private static final double[] SPECIAL_ANY = {-5e-3, 0.0, 1.5e-3, -0.0, 1, -1, 9e-3, 1e-30, -1e-30, 3e-8, -1e-7,
        2e-7, 0.0999, -0.1001, 0.49, -0.51, 2, 10, -17, 30, 88.5, -89, 100, -104, 1000, -1000, 1e30, -1e30};
    /** Positive values for log and sqrt: near zero, near 1 (where log cancels), large. */
    private static final double[] SPECIAL_POSITIVE = {1e-30, 1e-7, 0.5, 1, 1 + 0x1p-23, 1 - 0x1p-24, 1 + 1e-7, 2,
        10, 1e10, 1e30, 3e38};

    /** Which values an operation accepts. */
    enum Domain {
        /** Any finite value. */
        ANY,
        /** Finite and non-zero (divisors). */
        NONZERO,
        /** Finite and positive (log, sqrt). */
        POSITIVE
    }

    private Inputs() {
    }

    /**
     * {@code n} values of {@code domain}: the special values first (as many as fit), then by turns a uniform value in
     * {@code (-typical, typical)}, a magnitude {@code 10^U(-30, -1)} and a magnitude {@code 10^U(0, log10 large)},
     * with random signs (positive for {@link Domain#POSITIVE}); rounded to {@code dtype}.
     */
    static double[] mixed(Random random, DType dtype, int n, Domain domain, double typical, double large) {
        double[] special = domain == Domain.POSITIVE ? SPECIAL_POSITIVE : SPECIAL_ANY;
        double[] x = new double[n];
        int i = 0;
        for (double s : special) {
            if (i == n) {
                break;
            }
            if (domain == Domain.NONZERO && s == 0) {
                continue;
            }
            if (Math.abs(s) <= large || Math.abs(s) < 1) {
                x[i++] = s;
            }
        }
        for (; i < n; i++) {
            double v;
            switch (i % 3) {
                case 0:
                    v = domain == Domain.POSITIVE ? typical * (1e-3 + random.nextDouble()) : typical * (2 * random.nextDouble() - 1);
                    break;
                case 1:
                    v = Math.pow(10, -30 + 29 * random.nextDouble());
                    break;
                default:
                    v = Math.pow(10, Math.log10(large) * random.nextDouble());
                    break;
            }
            if (domain != Domain.POSITIVE && random.nextBoolean()) {
                v = -v;
            }
            if (domain == Domain.NONZERO && v == 0) {
                v = 1;
            }
            x[i] = v;
        }
        return stored(dtype, x);
    }

    /** {@code n} values uniform in {@code [low, high)}, rounded to {@code dtype}. */
    static double[] uniform(Random random, DType dtype, int n, double low, double high) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = low + (high - low) * random.nextDouble();
        }
        return stored(dtype, x);
    }

    /** {@code x} as a tensor of {@code dtype} stores it (rounded to float for FLOAT32). */
    static double[] stored(DType dtype, double[] x) {
        if (dtype == DType.FLOAT64) {
            return x;
        }
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = (float) x[i];
        }
        return r;
    }

    /** {@code x} as the dtype stores one value. */
    static double stored(DType dtype, double x) {
        return dtype == DType.FLOAT32 ? (float) x : x;
    }

    /** {@code x} repeated to length {@code n}. */
    static double[] repeated(double[] x, int n) {
        double[] r = Arrays.copyOf(x, n);
        for (int i = x.length; i < n; i++) {
            r[i] = x[i % x.length];
        }
        return r;
    }
}
