package io.github.nn4j.api.optim;

import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;

/**
 * Updates parameters in place from the gradients of the last backward pass.
 *
 * <p>Call order: after each backward pass, {@link #step} with the network's parameters (the same list, in the
 * same order, every time). Stateful optimizers keep per-parameter state (momentum, moments) keyed by the
 * {@link Parameter} instance, allocated on the first step and reused afterwards, so steady-state steps
 * allocate nothing; {@link #close()} frees that state. Compute only through {@code Tensor}/{@code Backend}
 * operations. Not thread-safe.
 *
 * <h2>State, for checkpoints</h2>
 * A checkpoint stores, besides the hyper-parameters, every tensor named by {@link #stateNames()} for every
 * parameter and the {@link #steps()} counter, and restores them into a new optimizer through
 * {@link #state(Parameter, String)} and {@link #setSteps(long)}. An optimizer whose update depends on anything
 * else cannot be resumed exactly. The defaults describe a stateless optimizer.
 */
public interface Optimizer extends AutoCloseable {

    /**
     * Applies one update to every parameter from its current gradient.
     *
     * @param parameters the parameters, with their gradients of the last backward pass
     */
    void step(List<Parameter> parameters);

    /**
     * {@return the names of the tensors kept per parameter, in a stable order (for example {@code velocity} for SGD
     * with momentum, {@code m} and {@code v} for Adam); empty for an optimizer without per-parameter state}
     */
    default List<String> stateNames() {
        return List.of();
    }

    /**
     * {@return the state tensor {@code name} of {@code parameter} (same backend, dtype and shape as the parameter),
     * created as zeros, the value before any step, if the optimizer has none yet} The tensor is live and owned by the
     * optimizer: writing it changes the next update, which is how a checkpoint restores it.
     *
     * @param parameter a parameter this optimizer updates
     * @param name one of {@link #stateNames()}
     * @throws IllegalArgumentException when {@code name} is not one of {@link #stateNames()}
     */
    default Tensor state(Parameter parameter, String name) {
        throw new IllegalArgumentException(this + " keeps no per-parameter state, asked for '" + name + "'");
    }

    /** {@return the number of steps taken since creation or {@link #close()} (or as set by {@link #setSteps})} */
    default long steps() {
        return 0;
    }

    /**
     * Sets the step counter, as a checkpoint loader does so that step-dependent updates (Adam's bias correction)
     * continue where the saved run stopped.
     *
     * @param steps the number of steps already taken, at least 0
     */
    default void setSteps(long steps) {
        if (steps != 0) {
            throw new UnsupportedOperationException(this + " does not count steps");
        }
    }

    /** Frees per-parameter state; the optimizer starts afresh on its next step. */
    @Override
    default void close() {
    }
}
