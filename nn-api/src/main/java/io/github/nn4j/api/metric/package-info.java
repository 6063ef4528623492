/**
 * Classification metrics, computed batch by batch: the {@link io.github.nn4j.api.metric.Metric} interface (what
 * {@link io.github.nn4j.api.network.Network#evaluate(io.github.nn4j.api.tensor.Tensor, io.github.nn4j.api.tensor.Tensor,
 * io.github.nn4j.api.loss.Loss, int, java.util.List) Network.evaluate} and the validation pass of {@code fit}
 * accumulate), {@link io.github.nn4j.api.metric.Accuracy}, and the
 * {@link io.github.nn4j.api.metric.ConfusionMatrix} with per-class precision and recall.
 *
 * <p>Outputs are {@code [samples, classes]} scores (probabilities, or logits: the predicted class is the largest,
 * the first one on a tie) or, for a binary classifier, {@code [samples, 1]} compared with a threshold. Targets are
 * one-hot (or any scores: their largest entry is the class) of the outputs' shape, or integer class labels
 * {@code [samples, 1]}, as the softmax cross-entropy loss takes them.
 */
package io.github.nn4j.api.metric;
