package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;

/**
 * A tensor of the pure-Java backend: the elements live in one on-heap primitive array in row-major
 * order, a {@code float[]} for {@link DType#FLOAT32} or a {@code double[]} for {@link DType#FLOAT64}.
 *
 * <p>{@link #close()} drops the reference to the array so that the garbage collector can reclaim it;
 * the backend rejects a closed tensor before any kernel sees it.
 */
final class PureTensor implements Tensor {
    private final PureBackend backend;
    private final Shape shape;
    private final DType dtype;
    private float[] floats;
    private double[] doubles;
    private volatile boolean closed;

    private PureTensor(PureBackend backend, Shape shape, DType dtype, float[] floats, double[] doubles) {
        this.backend = backend;
        this.shape = shape;
        this.dtype = dtype;
        this.floats = floats;
        this.doubles = doubles;
    }

    /** A FLOAT32 tensor that takes ownership of {@code data} (its length must be the shape's size). */
    static PureTensor ofFloats(PureBackend backend, Shape shape, float[] data) {
        return new PureTensor(backend, shape, DType.FLOAT32, data, null);
    }

    /** A FLOAT64 tensor that takes ownership of {@code data} (its length must be the shape's size). */
    static PureTensor ofDoubles(PureBackend backend, Shape shape, double[] data) {
        return new PureTensor(backend, shape, DType.FLOAT64, null, data);
    }

    /** The element array of a FLOAT32 tensor (kernels only; the backend has checked dtype and state). */
    float[] floats() {
        return floats;
    }

    /** The element array of a FLOAT64 tensor (kernels only; the backend has checked dtype and state). */
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
        return "PureTensor" + shape + " " + dtype + (closed ? " (closed)" : "");
    }
}
