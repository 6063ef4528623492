package io.github.nn4j.api.loss;

import io.github.nn4j.api.tensor.Tensor;

/**
 * Binary cross-entropy on logits, averaged over every element: for logits {@code z} (outputs with no activation
 * after them) and targets {@code t} in {@code [0, 1]} of one shape {@code [m, outputs]},
 * {@code L = 1/(m · outputs) · Σ −t log σ(z) − (1 − t) log(1 − σ(z))}, {@code dL/dz = (σ(z) − t) / (m · outputs)}:
 * sigmoid and cross-entropy fused into one stable backend kernel
 * ({@link io.github.nn4j.api.backend.Backend#sigmoidCrossEntropy}), which never takes {@code log 0}. For one binary
 * output or several independent ones (multi-label). Keras' {@code BinaryCrossentropy(from_logits=True)}, PyTorch's
 * {@code BCEWithLogitsLoss}. Immutable and thread-safe.
 */
public final class SigmoidCrossEntropy implements Loss {

    /** The loss. */
    public SigmoidCrossEntropy() {
    }

    @Override
    public double valueAndGradient(Tensor prediction, Tensor target, Tensor gradient) {
        double n = prediction.size();
        return prediction.backend().sigmoidCrossEntropy(prediction, target, 1 / n, gradient) / n;
    }

    @Override
    public String toString() {
        return "SigmoidCrossEntropy";
    }
}
