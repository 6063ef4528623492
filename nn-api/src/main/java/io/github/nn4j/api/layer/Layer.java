package io.github.nn4j.api.layer;

import io.github.nn4j.api.tensor.Tensor;
import java.util.List;
import java.util.Optional;

/**
 * One differentiable stage of a network, mapping a batch of inputs {@code [batch, ...]} to a batch of
 * outputs {@code [batch, ...]}.
 *
 * <h2>Call order</h2>
 * {@link #forward} then, for training, {@link #backward} with the gradient of the loss with respect to that
 * forward's output; then an {@link io.github.nn4j.api.optim.Optimizer} reads {@link #parameters()}. Calling
 * {@code backward} without a preceding {@code forward} throws {@link IllegalStateException}.
 *
 * <h2>Ownership</h2>
 * The tensors that {@code forward} and {@code backward} return are owned by the layer and stay valid until
 * the next call of the same method or {@link #close()}; callers must not close or modify them. A layer may
 * keep a reference to the {@code input} of the last {@code forward} for use in {@code backward}, so the
 * caller must not modify it in between. Layers reuse their output buffers across batches of the same
 * shape (see {@link io.github.nn4j.api.tensor.ReusableBuffer}), which is what makes a training step
 * allocation-free.
 *
 * <h2>Implementing a layer</h2>
 * Compute only through {@code Tensor}/{@code Backend} operations (so every backend runs it natively), put
 * trainable tensors in {@link Parameter}s, and verify the gradients with
 * {@link io.github.nn4j.api.gradcheck.GradientChecker}.
 *
 * <h2>Threads</h2>
 * Layers are not thread-safe: one layer instance serves one training or inference loop at a time. For
 * concurrent inference, {@link #inferenceReplica()} gives a twin that shares the parameters and has buffers of
 * its own; {@link io.github.nn4j.api.network.Network#predict} uses one per concurrent caller.
 */
public interface Layer extends AutoCloseable {

    /**
     * Computes the output for a batch.
     *
     * @param input    {@code [batch, inputFeatures]}
     * @param training {@code true} inside a training step, {@code false} for inference and evaluation: the mode a
     *                 layer such as dropout behaves differently in
     * @return the output, owned by the layer
     */
    Tensor forward(Tensor input, boolean training);

    /**
     * Back-propagates the gradient of the loss through the last {@link #forward}: sets every parameter's
     * gradient (overwriting, not accumulating) and returns the gradient with respect to the input.
     *
     * @param gradOutput        dL/d(output), of the shape of the last output
     * @param needInputGradient {@code false} when nobody will use dL/d(input) (the first layer of a network),
     *                          which lets the layer skip that work
     * @return dL/d(input), owned by the layer; {@code null} when {@code needInputGradient} is {@code false}
     */
    Tensor backward(Tensor gradOutput, boolean needInputGradient);

    /**
     * Announces the training step whose forward pass comes next. {@link io.github.nn4j.api.network.Network} calls it
     * before the forward pass of every training step with the step's index, counted from 0 at the start of training:
     * in {@code fit}, {@code (epoch − 1) · batchesPerEpoch + (batch − 1)}, so that a run resumed from a checkpoint
     * announces the same indices as the uninterrupted run.
     *
     * <p>A layer whose training forward pass is random (dropout) derives its randomness from its own seed and this
     * index, never from a generator that advances with every call: its training runs are then reproducible, resume
     * exactly, and give the same result for every forward pass within one step (as a gradient check makes). The
     * default does nothing.
     *
     * @param step the index of the coming training step, {@code >= 0}
     */
    default void beginTrainingStep(long step) {
    }

    /** {@return the trainable parameters, in a stable order; empty for layers without any} */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * {@return a layer that computes the same inference forward pass ({@code forward(x, false)}) on the same parameter
     * tensors (shared, not copied: later updates of this layer's parameters are seen by the replica) with buffers of
     * its own, so that this layer and each of its replicas can run {@code forward} on different threads at once}
     * Closing a replica frees only its buffers. A replica is for inference only; its {@code backward} and
     * {@code parameters} need not work.
     *
     * <p>The default is empty: a layer that cannot be replicated is run by one inference call at a time (the
     * network serialises those calls), which is correct but not concurrent.
     */
    default Optional<Layer> inferenceReplica() {
        return Optional.empty();
    }

    /** Frees the layer's buffers and parameters. */
    @Override
    default void close() {
    }
}
