package io.github.nn4j.api.layer;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.ReusableBuffer;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Optional;

/**
 * A parameter-free layer applying an element-wise {@link Activation}: {@code y = f(x)}, {@code dx = f'(x) * dy},
 * each one backend kernel. Any input shape. Not thread-safe; {@link #inferenceReplica()} serves concurrent inference.
 */
public class ActivationLayer implements Layer {
    private final Activation function;
    private final ReusableBuffer output = new ReusableBuffer();
    private final ReusableBuffer inputGradient = new ReusableBuffer();
    private Tensor lastInput;
    private Tensor lastOutput;

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
    public Tensor forward(Tensor input, boolean training) {
        Backend be = input.backend();
        Tensor y = output.get(be, input.dtype(), input.shape());
        be.activation(function, input, y);
        lastInput = input;
        lastOutput = y;
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
        if (lastInput == null) {
            throw new IllegalStateException(this + ": backward called before forward");
        }
        if (!needInputGradient) {
            return null;
        }
        Backend be = gradOutput.backend();
        Tensor dx = inputGradient.get(be, gradOutput.dtype(), gradOutput.shape());
        be.activationBackward(function, lastInput, lastOutput, gradOutput, dx);
        return dx;
    }

    /** A layer applying the same function with buffers of its own; see {@link Layer#inferenceReplica()}. */
    @Override
    public Optional<Layer> inferenceReplica() {
        return Optional.of(new ActivationLayer(function));
    }

    @Override
    public void close() {
        output.close();
        inputGradient.close();
        lastInput = null;
        lastOutput = null;
    }

    @Override
    public String toString() {
        String n = function.name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
