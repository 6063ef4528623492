package io.github.nn4j.api.backend;

import io.github.nn4j.api.tensor.AbstractTensor;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;

/**
 * The tensor of a {@link HeapArrayBackend}: one on-heap primitive array in row-major order, a {@code float[]}
 * for {@link DType#FLOAT32} or a {@code double[]} for {@link DType#FLOAT64}. {@link #close()} drops the array
 * so the garbage collector can reclaim it; the backend rejects a closed tensor before any kernel sees it.
 */
final class HeapArrayTensor extends AbstractTensor {
    private float[] floats;
    private double[] doubles;

    /** A FLOAT32 tensor that owns {@code data} (its length is the shape's size). */
    HeapArrayTensor(HeapArrayBackend backend, Shape shape, float[] data) {
        super(backend, shape, DType.FLOAT32);
        this.floats = data;
    }

    /** A FLOAT64 tensor that owns {@code data} (its length is the shape's size). */
    HeapArrayTensor(HeapArrayBackend backend, Shape shape, double[] data) {
        super(backend, shape, DType.FLOAT64);
        this.doubles = data;
    }

    float[] floats() {
        return floats;
    }

    double[] doubles() {
        return doubles;
    }

    @Override
    protected void release() {
        floats = null;
        doubles = null;
    }

    /** E.g. {@code Tensor[256, 784] FLOAT32 on pure}, with {@code (closed)} once closed. */
    @Override
    public String toString() {
        return "Tensor" + shape() + " " + dtype() + " on " + backend().name() + (isClosed() ? " (closed)" : "");
    }
}
