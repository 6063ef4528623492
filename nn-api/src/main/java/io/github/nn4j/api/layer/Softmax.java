package io.github.nn4j.api.layer;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Optional;

/**
 * Softmax along each row, {@code y_ij = exp(x_ij) / Σ_k exp(x_ik)}, computed stably from the row's maximum; the
 * outputs of a row are probabilities summing to 1. Input and output {@code [batch, classes]}; each direction is one
 * backend kernel ({@link Backend#softmax}, {@link Backend#softmaxBackward}).
 *
 * <p>For inference outputs: train a classifier on logits with {@link io.github.nn4j.api.loss.SoftmaxCrossEntropy}
 * (which contains the softmax, stably), then append this layer to get probabilities. Training through it with
 * another loss works too (its gradient is exact), but is less stable than the fused loss. Parameter-free. Not
 * thread-safe; {@link #inferenceReplica()} serves concurrent inference.
 */
public final class Softmax extends ElementwiseLayer {

    /** The layer. */
    public Softmax() {
    }

    @Override
    protected void apply(Backend be, Tensor x, Tensor y) {
        be.softmax(x, y);
    }

    @Override
    protected void gradient(Backend be, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        be.softmaxBackward(y, dy, dx);
    }

    /** A new layer with buffers of its own; see {@link Layer#inferenceReplica()}. */
    @Override
    public Optional<Layer> inferenceReplica() {
        return Optional.of(new Softmax());
    }

    @Override
    public String toString() {
        return "Softmax";
    }
}
