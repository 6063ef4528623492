package io.github.nn4j.api.tensor;

import io.github.nn4j.api.backend.Backend;

/**
 * The bookkeeping every backend's {@link Tensor} shares: the owning backend, shape, dtype and the closed flag.
 * A backend extends it with its storage and implements {@link #release()}.
 *
 * <p>{@link #close()} is idempotent: it marks the tensor closed (so the backend rejects it before any kernel
 * sees it) and calls {@link #release()} exactly once. Thread-safety as for {@link Tensor}.
 */
public abstract class AbstractTensor implements Tensor {
    private final Backend backend;
    private final Shape shape;
    private final DType dtype;
    private volatile boolean closed;

    /**
     * A tensor of {@code backend} with the given shape and dtype.
     *
     * @param backend the backend that creates and owns the tensor
     * @param shape the shape
     * @param dtype the element type
     */
    protected AbstractTensor(Backend backend, Shape shape, DType dtype) {
        this.backend = backend;
        this.shape = shape;
        this.dtype = dtype;
    }

    @Override
    public final Backend backend() {
        return backend;
    }

    @Override
    public final Shape shape() {
        return shape;
    }

    @Override
    public final DType dtype() {
        return dtype;
    }

    @Override
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public final void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        release();
    }

    /** Frees the storage (drop array references, free off-heap memory); called once, by the first {@link #close()}. */
    protected abstract void release();

    /** E.g. {@code Nd4jTensor[256, 784] FLOAT32}, with {@code (closed)} once closed. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + shape + " " + dtype + (closed ? " (closed)" : "");
    }
}
