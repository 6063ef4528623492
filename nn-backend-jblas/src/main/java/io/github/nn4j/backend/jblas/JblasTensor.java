package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.AbstractTensor;

/**
 * A tensor of the jblas backend: one on-heap primitive array in row-major order, a {@code float[]} for
 * {@link DType#FLOAT32} or a {@code double[]} for {@link DType#FLOAT64}.
 *
 * <p>Row-major storage costs the native GEMM nothing: a row-major {@code [r, c]} array is the column-major
 * {@code [c, r]} matrix BLAS expects, transposed, and {@link RowMajorGemm} folds that transposition into
 * the BLAS transpose flags. It makes {@code read}/{@code write}, row gathering and row broadcasting plain
 * array copies and loops.
 *
 * <p>{@link #close()} drops the array so the garbage collector can reclaim it; the backend rejects a closed
 * tensor before any kernel sees it.
 */
final class JblasTensor extends AbstractTensor {
    private float[] floats;
    private double[] doubles;

    private JblasTensor(JblasBackend backend, Shape shape, DType dtype, float[] floats, double[] doubles) {
        super(backend, shape, dtype);
        this.floats = floats;
        this.doubles = doubles;
    }

    /** A FLOAT32 tensor that takes ownership of {@code data} (its length must be the shape's size). */
    static JblasTensor ofFloats(JblasBackend backend, Shape shape, float[] data) {
        return new JblasTensor(backend, shape, DType.FLOAT32, data, null);
    }

    /** A FLOAT64 tensor that takes ownership of {@code data} (its length must be the shape's size). */
    static JblasTensor ofDoubles(JblasBackend backend, Shape shape, double[] data) {
        return new JblasTensor(backend, shape, DType.FLOAT64, null, data);
    }

    /** The row-major elements of a FLOAT32 tensor. */
    float[] floats() {
        return floats;
    }

    /** The row-major elements of a FLOAT64 tensor. */
    double[] doubles() {
        return doubles;
    }

    @Override
    protected void release() {
        floats = null;
        doubles = null;
    }
}
