package io.github.nn4j.api.reference;

import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference backend, remembering every tensor it creates, so that tests can check that layers, losses,
 * optimizers and networks close what they allocate.
 */
public final class TrackingBackend extends ReferenceBackend {
    private final List<Tensor> created = new ArrayList<>();

    /** The number of tensors created so far and not closed. */
    public synchronized int openTensors() {
        int open = 0;
        for (Tensor t : created) {
            if (!t.isClosed()) {
                open++;
            }
        }
        return open;
    }

    private synchronized Tensor track(Tensor t) {
        created.add(t);
        return t;
    }

    @Override
    protected Tensor zerosKernel(DType dtype, Shape shape) {
        return track(super.zerosKernel(dtype, shape));
    }

    @Override
    protected Tensor fromArrayKernel(float[] data, Shape shape) {
        return track(super.fromArrayKernel(data, shape));
    }

    @Override
    protected Tensor fromArrayKernel(double[] data, Shape shape) {
        return track(super.fromArrayKernel(data, shape));
    }
}
