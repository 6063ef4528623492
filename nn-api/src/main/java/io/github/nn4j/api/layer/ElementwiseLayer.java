package io.github.nn4j.api.layer;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.ReusableBuffer;
import io.github.nn4j.api.tensor.Tensor;

/**
 * A parameter-free layer that maps each element on its own, {@code y = f(x)}, with a gradient
 * {@code dx = f'(x) dy} (or, as {@link Softmax}, each row on its own, with the row's Jacobian): a subclass says which
 * backend kernels compute the two ({@link #apply}, {@link #gradient});
 * this class keeps the output and gradient buffers (reused across batches of one shape, so training allocates
 * nothing) and the forward values the backward pass needs. Any input shape. Not thread-safe.
 */
public abstract class ElementwiseLayer implements Layer {
    private final ReusableBuffer output = new ReusableBuffer();
    private final ReusableBuffer inputGradient = new ReusableBuffer();
    private Tensor lastInput;
    private Tensor lastOutput;

    /** For subclasses. */
    protected ElementwiseLayer() {
    }

    /**
     * Computes {@code y = f(x)} on {@code be}; {@code y} has {@code x}'s shape and dtype.
     *
     * @param be the backend of both tensors
     * @param x the input
     * @param y the output, overwritten
     */
    protected abstract void apply(Backend be, Tensor x, Tensor y);

    /**
     * Computes {@code dx = f'(x) dy} on {@code be}, given the forward's input {@code x} and output {@code y}.
     *
     * @param be the backend of all four tensors
     * @param x the forward input
     * @param y the forward output {@code f(x)}
     * @param dy the gradient with respect to {@code y}
     * @param dx the gradient with respect to {@code x}, overwritten
     */
    protected abstract void gradient(Backend be, Tensor x, Tensor y, Tensor dy, Tensor dx);

    @Override
    public Tensor forward(Tensor input, boolean training) {
        Backend be = input.backend();
        Tensor y = output.get(be, input.dtype(), input.shape());
        apply(be, input, y);
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
        gradient(be, lastInput, lastOutput, gradOutput, dx);
        return dx;
    }

    @Override
    public void close() {
        output.close();
        inputGradient.close();
        lastInput = null;
        lastOutput = null;
    }
}
