package io.github.nn4j.backend.pure;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.UnaryOp;

/**
 * The FLOAT32 kernels of the pure-Java backend, on row-major {@code float[]} arrays. Arguments have been
 * validated by {@link io.github.nn4j.api.backend.Backend}; lengths are passed explicitly. Element-wise
 * kernels allow the output to be one of the inputs, exactly as the backend contract does.
 * {@link DoubleKernels} is the same set for FLOAT64.
 */
interface FloatKernels {

    /**
     * {@code c = alpha op(a) op(b) + beta c} with {@code op(a)} {@code [m, k]} and {@code op(b)} {@code [k, n]};
     * with {@code beta == 0} the old contents of {@code c} are ignored, even NaN.
     */
    void gemm(float alpha, float[] a, boolean transA, float[] b, boolean transB, float beta, float[] c,
              int m, int n, int k);

    /** {@code out[i] = a[i] op b[i]} for {@code i < n}. */
    void binary(BinaryOp op, float[] a, float[] b, float[] out, int n);

    /** {@code out[i] = a[i] op s} for {@code i < n}. */
    void scalar(ScalarOp op, float[] a, float s, float[] out, int n);

    /** {@code out[i] = f(a[i])} for {@code i < n}. */
    void unary(UnaryOp f, float[] a, float[] out, int n);

    /** {@code y[i] = f(x[i])} for {@code i < n}. */
    void activation(Activation f, float[] x, float[] y, int n);

    /** {@code dx[i] = f'(x[i]) dy[i]}, the derivative taken from {@code x} (ReLU) or {@code y} (sigmoid, tanh). */
    void activationBackward(Activation f, float[] x, float[] y, float[] dy, float[] dx, int n);

    /** {@code out[i, j] = a[i, j] + row[j]} for an {@code [rows, cols]} matrix. */
    void addRowVector(float[] a, float[] row, float[] out, int rows, int cols);

    /** {@code y[i] += alpha x[i]} for {@code i < n}. */
    void axpy(float alpha, float[] x, float[] y, int n);

    /** The reduction of {@code a[0 .. n-1]}; sums are accumulated in double precision. */
    double reduce(Reduction r, float[] a, int n);

    /** {@code out[j] = sum_i a[i, j]}: the column sums of an {@code [rows, cols]} matrix. */
    void sumColumns(float[] a, int rows, int cols, float[] out);

    /** {@code out[i] = sum_j a[i, j]}: the row sums of an {@code [rows, cols]} matrix. */
    void sumRows(float[] a, int rows, int cols, float[] out);
}
