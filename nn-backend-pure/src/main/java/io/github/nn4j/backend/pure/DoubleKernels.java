package io.github.nn4j.backend.pure;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.UnaryOp;

/**
 * The FLOAT64 kernels of the pure-Java backend, on row-major {@code double[]} arrays. Arguments have been
 * validated by {@link io.github.nn4j.api.backend.Backend}; lengths are passed explicitly. Element-wise
 * kernels allow the output to be one of the inputs, exactly as the backend contract does.
 * {@link FloatKernels} is the same set for FLOAT32.
 */
interface DoubleKernels {

    /**
     * {@code c = alpha op(a) op(b) + beta c} with {@code op(a)} {@code [m, k]} and {@code op(b)} {@code [k, n]};
     * with {@code beta == 0} the old contents of {@code c} are ignored, even NaN.
     */
    void gemm(double alpha, double[] a, boolean transA, double[] b, boolean transB, double beta, double[] c,
              int m, int n, int k);

    /** {@code out[i] = a[i] op b[i]} for {@code i < n}. */
    void binary(BinaryOp op, double[] a, double[] b, double[] out, int n);

    /** {@code out[i] = a[i] op s} for {@code i < n}. */
    void scalar(ScalarOp op, double[] a, double s, double[] out, int n);

    /** {@code out[i] = f(a[i])} for {@code i < n}. */
    void unary(UnaryOp f, double[] a, double[] out, int n);

    /** {@code y[i] = f(x[i])} for {@code i < n}. */
    void activation(Activation f, double[] x, double[] y, int n);

    /** {@code dx[i] = f'(x[i]) dy[i]}, the derivative taken from {@code x} (ReLU) or {@code y} (sigmoid, tanh). */
    void activationBackward(Activation f, double[] x, double[] y, double[] dy, double[] dx, int n);

    /** {@code out[i, j] = a[i, j] + row[j]} for an {@code [rows, cols]} matrix. */
    void addRowVector(double[] a, double[] row, double[] out, int rows, int cols);

    /** {@code y[i] += alpha x[i]} for {@code i < n}. */
    void axpy(double alpha, double[] x, double[] y, int n);

    /** The reduction of {@code a[0 .. n-1]}. */
    double reduce(Reduction r, double[] a, int n);

    /** {@code out[j] = sum_i a[i, j]}: the column sums of an {@code [rows, cols]} matrix. */
    void sumColumns(double[] a, int rows, int cols, double[] out);

    /** {@code out[i] = sum_j a[i, j]}: the row sums of an {@code [rows, cols]} matrix. */
    void sumRows(double[] a, int rows, int cols, double[] out);
}
