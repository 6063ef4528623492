package io.github.nn4j.api.reference;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;

/** A tensor of {@link ReferenceBackend}: row-major doubles, rounded to float precision on every write for FLOAT32. */
final class ReferenceTensor implements Tensor {
    private final ReferenceBackend backend;
    private final Shape shape;
    private final DType dtype;
    double[] data;

    ReferenceTensor(ReferenceBackend backend, DType dtype, Shape shape, double[] data) {
        this.backend = backend;
        this.shape = shape;
        this.dtype = dtype;
        this.data = data;
    }

    void set(int i, double v) {
        data[i] = dtype == DType.FLOAT32 ? (float) v : v;
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
        return data == null;
    }

    @Override
    public void close() {
        data = null;
    }

    @Override
    public String toString() {
        return "ReferenceTensor" + shape + " " + dtype;
    }
}
