package io.github.nn4j.models.svm;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * Principal component analysis by the covariance route: the mean of the rows, the covariance
 * {@code C = (X − μ)ᵀ(X − μ) / m} as FLOAT64 matrix products on an nn4j {@link Backend}, then the
 * {@link SymmetricEigen eigendecomposition} of that {@code d × d} matrix in Java. Projections are matrix
 * products on the backend too.
 *
 * <p>For {@code m ≫ d} (MNIST: 56,000 × 784) this costs one {@code d × m × d} product plus an {@code O(d³)}
 * decomposition, against an SVD of the whole {@code m × d} matrix, and it calls no LAPACK. The data are centred
 * before the product, so that the covariance does not come out as the small difference of two large sums, and
 * the product accumulates in double precision.
 *
 * <p>Each fit checks its top components before they are used ({@link SymmetricEigen#verify}): a residual
 * {@code ‖C·v − λ·v‖} above {@value #TOLERANCE} of {@code ‖C‖}, or axes that are not orthonormal to that
 * tolerance, fail the fit with an {@link IllegalStateException} rather than yield wrong features.
 *
 * <p>Axis {@code j} is a unit vector whose largest-magnitude entry is positive (see {@link SymmetricEigen}). With
 * a backend whose products do not depend on its thread count (the pure backend's), fits and projections are
 * bit-for-bit reproducible. Immutable.
 */
public final class PrincipalComponents {
    /** Relative residual allowed by the run-time check; a sound decomposition reaches about 1e-14. */
    public static final double TOLERANCE = 1e-9;
    /** Rows per matrix product: bounds the temporary tensors to {@code BLOCK × d} doubles. */
    private static final int BLOCK = 1024;

    private final double[] mean;
    private final double[][] axes;
    private final double[] variances;

    private PrincipalComponents(double[] mean, double[][] axes, double[] variances) {
        this.mean = mean;
        this.axes = axes;
        this.variances = variances;
    }

    /**
     * Fits the first {@code k} principal axes of the rows of {@code x} (all of width {@code d ≥ k}).
     *
     * @throws IllegalArgumentException if {@code x} is empty, ragged, holds a non-finite value, or {@code k} is
     *                                  not in {@code 1..d}
     * @throws IllegalStateException    if the decomposition fails its check
     */
    public static PrincipalComponents fit(Backend backend, double[][] x, int k) {
        Objects.requireNonNull(backend, "backend");
        if (x.length == 0) {
            throw new IllegalArgumentException("cannot fit principal components to no rows");
        }
        int d = x[0].length;
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("components must be in 1.." + d + ", got " + k);
        }
        double[] mean = new double[d];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            if (row.length != d) {
                throw new IllegalArgumentException("row " + i + " has width " + row.length + ", row 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("row " + i + ", column " + j + " is " + row[j]);
                }
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= x.length;
        }
        double[] covariance = covariance(backend, x, mean);
        SymmetricEigen eigen = SymmetricEigen.of(covariance, d);
        eigen.verify(covariance, k, TOLERANCE);
        double[][] axes = new double[k][];
        double[] variances = new double[k];
        for (int j = 0; j < k; j++) {
            axes[j] = eigen.vector(j);
            variances[j] = eigen.value(j);
        }
        return new PrincipalComponents(mean, axes, variances);
    }

    /** {@code (X − μ)ᵀ(X − μ) / m}, row-major {@code d × d}, summed block by block in row order. */
    private static double[] covariance(Backend backend, double[][] x, double[] mean) {
        int d = mean.length;
        try (Tensor sum = backend.zeros(DType.FLOAT64, Shape.matrix(d, d));
                CentredBlocks blocks = new CentredBlocks(backend, x, mean)) {
            for (int start = 0; start < x.length; start += BLOCK) {
                Tensor t = blocks.at(start);
                backend.gemm(1.0, t, true, t, false, start == 0 ? 0.0 : 1.0, sum);
            }
            double[] c = sum.toDoubleArray();
            for (int i = 0; i < c.length; i++) {
                c[i] /= x.length;
            }
            return c;
        }
    }

    /**
     * The rows of {@code x} minus {@code mean}, {@value #BLOCK} at a time, in one FLOAT64 tensor that is refilled
     * for each block (and one more for a shorter last block), so a pass over the data allocates no garbage per
     * block.
     */
    private static final class CentredBlocks implements AutoCloseable {
        private final Backend backend;
        private final double[][] x;
        private final double[] mean;
        private final double[] buffer;
        private Tensor full;
        private Tensor last;

        CentredBlocks(Backend backend, double[][] x, double[] mean) {
            this.backend = backend;
            this.x = x;
            this.mean = mean;
            this.buffer = new double[Math.min(BLOCK, x.length) * mean.length];
        }

        /** The centred rows {@code start..start+BLOCK-1} (fewer at the end); valid until the next call. */
        Tensor at(int start) {
            int d = mean.length;
            int rows = Math.min(BLOCK, x.length - start);
            for (int r = 0; r < rows; r++) {
                double[] row = x[start + r];
                for (int j = 0; j < d; j++) {
                    buffer[r * d + j] = row[j] - mean[j];
                }
            }
            if (rows * d == buffer.length) {
                if (full == null) {
                    full = backend.zeros(DType.FLOAT64, Shape.matrix(rows, d));
                }
                backend.write(full, buffer);
                return full;
            }
            if (last != null) {
                last.close();
            }
            last = backend.fromArray(DType.FLOAT64, Arrays.copyOf(buffer, rows * d), Shape.matrix(rows, d));
            return last;
        }

        @Override
        public void close() {
            if (full != null) {
                full.close();
            }
            if (last != null) {
                last.close();
            }
        }
    }

    /** Number of components. */
    public int components() {
        return axes.length;
    }

    /** Width of the input rows. */
    public int dimension() {
        return mean.length;
    }

    /** The mean of the fitted rows (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** Principal axis {@code j} (a copy): a unit vector; axes are in order of decreasing variance. */
    public double[] axis(int j) {
        return axes[j].clone();
    }

    /** The variance of the fitted rows along each axis (the covariance's eigenvalues), decreasing (a copy). */
    public double[] variances() {
        return variances.clone();
    }

    /**
     * The coordinates {@code (x − μ)·axesᵀ} of every row of {@code x}, one {@code double[k]} per row.
     *
     * @throws IllegalArgumentException if a row does not have the fitted width
     */
    public double[][] project(Backend backend, double[][] x) {
        Objects.requireNonNull(backend, "backend");
        int d = mean.length;
        int k = axes.length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has width " + x[i].length
                        + ", the components were fitted to width " + d);
            }
        }
        double[][] out = new double[x.length][];
        if (x.length == 0) {
            return out;
        }
        double[] flatAxes = new double[k * d];
        for (int j = 0; j < k; j++) {
            System.arraycopy(axes[j], 0, flatAxes, j * d, d);
        }
        try (Tensor w = backend.fromArray(DType.FLOAT64, flatAxes, Shape.matrix(k, d));
                CentredBlocks blocks = new CentredBlocks(backend, x, mean)) {
            for (int start = 0; start < x.length; start += BLOCK) {
                Tensor t = blocks.at(start);
                int rows = t.rows();
                try (Tensor y = backend.zeros(DType.FLOAT64, Shape.matrix(rows, k))) {
                    backend.gemm(1.0, t, false, w, true, 0.0, y);
                    double[] coordinates = y.toDoubleArray();
                    for (int r = 0; r < rows; r++) {
                        out[start + r] = Arrays.copyOfRange(coordinates, r * k, (r + 1) * k);
                    }
                }
            }
        }
        return out;
    }
}
