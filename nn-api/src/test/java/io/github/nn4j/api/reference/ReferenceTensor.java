package io.github.nn4j.api.reference;

import io.github.nn4j.api.tensor.AbstractTensor;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;

/** A tensor of {@link ReferenceBackend}: row-major doubles, rounded to float precision on every write for FLOAT32. */
final class ReferenceTensor extends AbstractTensor {
    double[] data;

    ReferenceTensor(ReferenceBackend backend, DType dtype, Shape shape, double[] data) {
        super(backend, shape, dtype);
        this.data = data;
    }

    void set(int i, double v) {
        data[i] = dtype() == DType.FLOAT32 ? (float) v : v;
    }

    @Override
    protected void release() {
        data = null;
    }
}
