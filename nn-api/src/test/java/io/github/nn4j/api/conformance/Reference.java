package io.github.nn4j.api.conformance;

import io.github.nn4j.api.tensor.Shape;
import java.util.Random;

/** Plain, obviously correct double-precision reference implementations the conformance suite compares against. */
final class Reference {
    private Reference() {
    }

    /** Row-major {@code [r, c]} element of a possibly transposed operand. */
    static double at(double[] m, Shape s, boolean transposed, int i, int j) {
        return transposed ? m[j * s.cols() + i] : m[i * s.cols() + j];
    }

    /** {@code alpha * op(a) op(b) + beta * c}, and the error scale {@code |alpha| sum|a||b| + |beta c|} per element. */
    static double[][] gemm(double alpha, double[] a, Shape sa, boolean ta, double[] b, Shape sb, boolean tb,
                           double beta, double[] c, int m, int n) {
        int k = ta ? sa.rows() : sa.cols();
        double[] out = new double[m * n];
        double[] scale = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double sabs = 0;
                for (int p = 0; p < k; p++) {
                    double x = at(a, sa, ta, i, p) * at(b, sb, tb, p, j);
                    s += x;
                    sabs += Math.abs(x);
                }
                double old = beta == 0 ? 0 : beta * c[i * n + j];
                out[i * n + j] = alpha * s + old;
                scale[i * n + j] = Math.abs(alpha) * sabs + Math.abs(old);
            }
        }
        return new double[][] {out, scale};
    }

    static double[] uniform(Random random, int n, double low, double high) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = low + (high - low) * random.nextDouble();
        }
        return x;
    }

    /** Values rounded to float when the tensor is FLOAT32, so the reference sees exactly what the backend stores. */
    static double[] representable(double[] x, boolean float32) {
        if (!float32) {
            return x;
        }
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = (float) x[i];
        }
        return r;
    }
}
