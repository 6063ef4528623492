package io.github.nn4j.api.layer;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Optional;

/**
 * A parameter-free layer applying an element-wise {@link Activation}: {@code y = f(x)}, {@code dx = f'(x) * dy},
 * each one backend kernel ({@link Backend#activation}, {@link Backend#activationBackward}). Any input shape. Not
 * thread-safe; {@link #inferenceReplica()} serves concurrent inference.
 */
public class ActivationLayer extends ElementwiseLayer {
    private final Activation function;

    /**
     * A layer applying {@code function}.
     *
     * @param function the activation
     */
    public ActivationLayer(Activation function) {
        this.function = function;
    }

    /** {@return the function this layer applies} */
    public Activation function() {
        return function;
    }

    @Override
    protected void apply(Backend be, Tensor x, Tensor y) {
        be.activation(function, x, y);
    }

    @Override
    protected void gradient(Backend be, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        be.activationBackward(function, x, y, dy, dx);
    }

    /** A layer applying the same function with buffers of its own; see {@link Layer#inferenceReplica()}. */
    @Override
    public Optional<Layer> inferenceReplica() {
        return Optional.of(new ActivationLayer(function));
    }

    @Override
    public String toString() {
        String n = function.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
