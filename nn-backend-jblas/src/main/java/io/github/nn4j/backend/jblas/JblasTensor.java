package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;

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
final class JblasTensor implements Tensor {
    private final JblasBackend backend;
    private final Shape shape;
    private final DType dtype;
    private float[] floats;
    private double[] doubles;
    private volatile boolean closed;

    private JblasTensor(JblasBackend backend, Shape shape, DType dtype, float[] floats, double[] doubles) {
        this.backend = backend;
        this.shape = shape;
        this.dtype = dtype;
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
    public Backend backend() {
        return backend;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        floats = null;
        doubles = null;
    }

    @Override
    public String toString() {
        return "JblasTensor" + shape + " " + dtype + (closed ? " (closed)" : "");
    }
}
