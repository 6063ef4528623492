package io.github.nn4j.api.conformance;

import io.github.nn4j.api.tensor.Shape;

/** Reference results of the matrix operations, with the bound each element is held to. */
final class Reference {
    private Reference() {
    }

    /** Expected values and their bounds, element by element. */
    record Expected(double[] values, double[] bounds) {
    }

    /**
     * {@code α op(a) op(b) + β c} ({@code c} ignored, even NaN, when {@code β == 0}) from compensated dot products,
     * each element with its bound {@link Tolerance#dot} (plus the double rounding of the reference's own scaling).
     */
    static Expected gemm(Tolerance tol, double alpha, double[] a, Shape sa, boolean ta, double[] b, Shape sb,
                         boolean tb, double beta, double[] c, int m, int n) {
        int k = ta ? sa.rows() : sa.cols();
        // op(a)[i, p] = a[i * aRow + p * aCol]; op(b)[p, j] = b[p * bRow + j * bCol]
        int aRow = ta ? 1 : sa.cols();
        int aCol = ta ? sa.cols() : 1;
        int bRow = tb ? 1 : sb.cols();
        int bCol = tb ? sb.cols() : 1;
        double[] values = new double[m * n];
        double[] bounds = new double[m * n];
        double doubleU = Math.ulp(1.0) / 2;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double dot = ReferenceMath.dot(a, i * aRow, aCol, b, j * bCol, bRow, k);
                double scale = ReferenceMath.dotOfAbs(a, i * aRow, aCol, b, j * bCol, bRow, k) * Math.abs(alpha);
                double old = 0;
                if (beta != 0) {
                    old = beta * c[i * n + j];
                    scale += Math.abs(old);
                }
                values[i * n + j] = alpha * dot + old;
                bounds[i * n + j] = tol.dot(k, scale) + 3 * doubleU * scale;
            }
        }
        return new Expected(values, bounds);
    }
}
