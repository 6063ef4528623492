package io.github.nn4j.api.loss;

import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;

/**
 * A scalar training objective {@code L(prediction, target)} over a batch, and its gradient with respect to the
 * prediction.
 *
 * <p>{@code prediction} and {@code target} have one shape {@code [batch, ...]} (unless the loss takes targets of another
 * shape, see {@link #acceptsTargets}, as {@link SoftmaxCrossEntropy} takes class labels); the value is a plain
 * {@code double}. Implementations compute only through {@code Tensor}/{@code Backend} operations, keep no
 * state between calls (so they are thread-safe), and should be verified with
 * {@link io.github.nn4j.api.gradcheck.GradientChecker#checkLoss}.
 */
public interface Loss {

    /**
     * {@return the loss value} May allocate temporaries; use {@link #valueAndGradient} in training loops. The
     * default computes {@link #valueAndGradient} into a scratch gradient it frees; a loss with a cheaper value-only
     * kernel overrides it.
     *
     * @param prediction the network's output, one row per sample
     * @param target the targets, of the same shape
     */
    default double value(Tensor prediction, Tensor target) {
        try (Tensor gradient = prediction.backend().zeros(prediction.dtype(), prediction.shape())) {
            return valueAndGradient(prediction, target, gradient);
        }
    }

    /**
     * Writes dL/d(prediction) into {@code gradient} (same shape, caller-owned; may be overwritten freely) and
     * returns the loss value, without allocating.
     *
     * @param prediction the network's output, one row per sample
     * @param target the targets, of the same shape
     * @param gradient the caller-owned output for dL/d(prediction), of the same shape
     * @return the loss value
     */
    double valueAndGradient(Tensor prediction, Tensor target, Tensor gradient);

    /**
     * Whether targets of shape {@code targets} go with predictions of shape {@code predictions};
     * {@link io.github.nn4j.api.network.Network#fit} checks it before training. The default: the same shape.
     *
     * @param predictions the shape of the network's outputs
     * @param targets     the shape of the targets
     * @return {@code true} when this loss takes such targets
     */
    default boolean acceptsTargets(Shape predictions, Shape targets) {
        return predictions.equals(targets);
    }
}
