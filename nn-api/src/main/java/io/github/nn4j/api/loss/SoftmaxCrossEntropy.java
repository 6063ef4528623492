package io.github.nn4j.api.loss;

import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;

/**
 * Softmax cross-entropy of a classifier's logits, averaged over the batch: for logits {@code z} {@code [m, classes]}
 * (the last {@code Dense} layer's outputs, with no activation after it) and targets {@code t},
 * {@code L = 1/m · Σ_i Σ_j t_ij (log Σ_k exp(z_ik) − z_ij)}, {@code dL/dz = (softmax(z) − t) / m}: softmax and
 * cross-entropy fused into one stable backend kernel ({@link io.github.nn4j.api.backend.Backend#softmaxCrossEntropy}),
 * which never overflows and whose gradient has no {@code 1/p} in it. Keras' {@code CategoricalCrossentropy(from_logits=True)},
 * PyTorch's {@code CrossEntropyLoss}.
 *
 * <p>Targets are either class labels {@code [m, 1]} (integers {@code 0 .. classes−1} in the tensor's dtype; anything
 * else is an error naming the row) or one-hot rows {@code [m, classes]} (any target distribution works). For
 * probabilities at inference time, add a {@link io.github.nn4j.api.layer.Softmax} layer to a copy of the network,
 * or compare logits directly ({@link io.github.nn4j.api.metric.Accuracy} takes either). Immutable and thread-safe.
 */
public final class SoftmaxCrossEntropy implements Loss {

    /** The loss. */
    public SoftmaxCrossEntropy() {
    }

    @Override
    public double valueAndGradient(Tensor prediction, Tensor target, Tensor gradient) {
        int m = prediction.shape().dim(0);
        return prediction.backend().softmaxCrossEntropy(prediction, target, 1.0 / m, gradient) / m;
    }

    /** Targets of the logits' shape, or labels {@code [m, 1]}. */
    @Override
    public boolean acceptsTargets(Shape predictions, Shape targets) {
        return targets.equals(predictions) || (predictions.isMatrix() && targets.isMatrix()
                && targets.dim(0) == predictions.dim(0) && targets.dim(1) == 1);
    }

    @Override
    public String toString() {
        return "SoftmaxCrossEntropy";
    }
}
