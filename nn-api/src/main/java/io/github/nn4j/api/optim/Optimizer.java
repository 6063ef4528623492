package io.github.nn4j.api.optim;

import io.github.nn4j.api.layer.Parameter;
import java.util.List;

/**
 * Updates parameters in place from the gradients of the last backward pass.
 *
 * <p>Call order: after each backward pass, {@link #step} with the network's parameters (the same list, in the
 * same order, every time). Stateful optimizers keep per-parameter state (momentum, moments) keyed by the
 * {@link Parameter} instance, allocated on the first step and reused afterwards, so steady-state steps
 * allocate nothing; {@link #close()} frees that state. Compute only through {@code Tensor}/{@code Backend}
 * operations. Not thread-safe.
 */
public interface Optimizer extends AutoCloseable {

    /** Applies one update to every parameter from its current gradient. */
    void step(List<Parameter> parameters);

    /** Frees per-parameter state; the optimizer starts afresh on its next step. */
    @Override
    default void close() {
    }
}
