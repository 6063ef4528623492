package io.github.nn4j.backend.pure;

import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.AbstractTensor;

/**
 * A tensor of the pure-Java backend: the elements live in one on-heap primitive array in row-major
 * order, a {@code float[]} for {@link DType#FLOAT32} or a {@code double[]} for {@link DType#FLOAT64}.
 *
 * <p>{@link #close()} drops the reference to the array so that the garbage collector can reclaim it;
 * the backend rejects a closed tensor before any kernel sees it.
 */
final class PureTensor extends AbstractTensor {
    private float[] floats;
    private double[] doubles;

    private PureTensor(PureBackend backend, Shape shape, DType dtype, float[] floats, double[] doubles) {
        super(backend, shape, dtype);
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
    protected void release() {
        floats = null;
        doubles = null;
    }
}
