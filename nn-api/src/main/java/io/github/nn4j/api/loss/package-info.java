/**
 * Losses: the {@link io.github.nn4j.api.loss.Loss} SPI, {@link io.github.nn4j.api.loss.MeanSquaredError} for regression,
 * and for classification, on logits, {@link io.github.nn4j.api.loss.SoftmaxCrossEntropy} and
 * {@link io.github.nn4j.api.loss.SigmoidCrossEntropy}.
 */
package io.github.nn4j.api.loss;
