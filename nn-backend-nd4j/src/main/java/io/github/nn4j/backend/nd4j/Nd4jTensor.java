package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.AbstractTensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A tensor of the ND4J backend: a c-order (row-major) {@link INDArray} that owns its off-heap buffer, plus, when
 * the CPU can address that buffer, a {@link HostView} of it for the kernels that run in Java.
 *
 * <p>Row-major storage matches the {@link Tensor} contract, so reads, writes and row copies are block copies;
 * ND4J's GEMM into a preallocated c-order output runs at the same speed as into an f-order one (measured, see the
 * module README notes). {@link #close()} frees the off-heap memory immediately.
 */
final class Nd4jTensor extends AbstractTensor {
    private INDArray array;
    private HostView host;

    Nd4jTensor(Nd4jBackend backend, Shape shape, DType dtype, INDArray array, HostView host) {
        super(backend, shape, dtype);
        this.array = array;
        this.host = host;
    }

    /** The ND4J array holding the elements. */
    INDArray array() {
        return array;
    }

    /** Java access to the elements, or {@code null} when the memory is not host-addressable (GPU). */
    HostView host() {
        return host;
    }

    @Override
    protected void release() {
        INDArray a = array;
        array = null;
        host = null;
        if (a != null && a.closeable()) {
            a.close();
        }
    }
}
