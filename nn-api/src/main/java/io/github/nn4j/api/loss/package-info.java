/** Losses: the {@link io.github.nn4j.api.loss.Loss} SPI and {@link io.github.nn4j.api.loss.MeanSquaredError}. */
package io.github.nn4j.api.loss;
