package io.github.nn4j.api.layer;

import io.github.nn4j.api.tensor.Tensor;

/**
 * A trainable tensor and the gradient the last backward pass computed for it (same backend, dtype and
 * shape). The layer that creates a parameter owns both tensors; optimizers update {@link #value()} in place
 * from {@link #gradient()}. Not thread-safe.
 */
public final class Parameter implements AutoCloseable {
    private final String name;
    private final Tensor value;
    private final Tensor gradient;

    /**
     * Wraps {@code value} (taking ownership) and allocates a zero gradient of the same shape.
     *
     * @param name a descriptive name such as {@code "dense[784x128].weight"}
     * @param value the value; the parameter owns it from now on
     */
    public Parameter(String name, Tensor value) {
        this.name = name;
        this.value = value;
        this.gradient = value.backend().zeros(value.dtype(), value.shape());
    }

    /** {@return a descriptive name such as {@code "dense[784x128].weight"}} */
    public String name() {
        return name;
    }

    /** {@return the current value} */
    public Tensor value() {
        return value;
    }

    /**
     * dL/d(value) from the last backward pass.
     *
     * @return dL/d(value) from the last backward pass
     */
    public Tensor gradient() {
        return gradient;
    }

    @Override
    public void close() {
        value.close();
        gradient.close();
    }

    @Override
    public String toString() {
        return name + value.shape();
    }
}
