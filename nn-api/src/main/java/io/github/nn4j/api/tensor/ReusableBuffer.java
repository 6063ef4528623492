package io.github.nn4j.api.tensor;

import io.github.nn4j.api.backend.Backend;

/**
 * Keeps the output or scratch tensors of a layer, loss or loop alive across calls so that steady-state
 * training allocates nothing. It remembers the {@value #SLOTS} most recently requested shapes: an epoch whose
 * last mini-batch is smaller, followed by a validation pass with its own last batch, cycles through up to four
 * shapes, and all stay cached.
 *
 * <p>The tensors belong to the buffer: callers must not close them; {@link #close()} frees them all.
 * Not thread-safe (one buffer per owner).
 */
public final class ReusableBuffer implements AutoCloseable {
    private static final int SLOTS = 4;
    /** Most recently used first. */
    private final Tensor[] slots = new Tensor[SLOTS];

    /**
     * A tensor of exactly this backend, dtype and shape: a cached one if it exists, else a new zero tensor
     * that replaces the least recently used one. Its contents are whatever was last written to it.
     *
     * @param backend the backend
     * @param dtype the element type
     * @param shape the shape
     * @return a tensor of exactly this backend, dtype and shape, owned by this buffer
     */
    public Tensor get(Backend backend, DType dtype, Shape shape) {
        for (int i = 0; i < SLOTS; i++) {
            Tensor t = slots[i];
            if (t != null && t.backend() == backend && t.dtype() == dtype && t.shape().equals(shape)) {
                moveToFront(i, t);
                return t;
            }
        }
        Tensor evicted = slots[SLOTS - 1];
        if (evicted != null) {
            evicted.close();
        }
        Tensor t = backend.zeros(dtype, shape);
        moveToFront(SLOTS - 1, t);
        return t;
    }

    /**
     * Like {@link #get(Backend, DType, Shape)} for the shape {@code template.withFirstDim(firstDim)}, e.g. a
     * mini-batch of {@code firstDim} samples, without allocating a shape when a cached tensor fits.
     *
     * @param backend the backend
     * @param dtype the element type
     * @param template the shape of a full batch
     * @param firstDim the first dimension wanted, e.g. the size of a smaller last batch
     * @return a tensor of exactly this backend, dtype and shape, owned by this buffer
     */
    public Tensor get(Backend backend, DType dtype, Shape template, int firstDim) {
        for (int i = 0; i < SLOTS; i++) {
            Tensor t = slots[i];
            if (t != null && t.backend() == backend && t.dtype() == dtype && t.shape().equalsWithFirstDim(template, firstDim)) {
                moveToFront(i, t);
                return t;
            }
        }
        return get(backend, dtype, template.withFirstDim(firstDim));
    }

    private void moveToFront(int index, Tensor t) {
        System.arraycopy(slots, 0, slots, 1, index);
        slots[0] = t;
    }

    /** Frees every cached tensor. The buffer can be used again afterwards. */
    @Override
    public void close() {
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i] != null) {
                slots[i].close();
                slots[i] = null;
            }
        }
    }
}
