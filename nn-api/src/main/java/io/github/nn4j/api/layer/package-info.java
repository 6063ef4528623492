/**
 * Layers: the {@link io.github.nn4j.api.layer.Layer} SPI and the standard layers ({@link io.github.nn4j.api.layer.Dense},
 * {@link io.github.nn4j.api.layer.ReLU}, {@link io.github.nn4j.api.layer.LeakyReLU},
 * {@link io.github.nn4j.api.layer.Sigmoid}, {@link io.github.nn4j.api.layer.Tanh}), written only against
 * {@link io.github.nn4j.api.tensor.Tensor} so that they run on every backend. A parameter-free element-wise layer is
 * an {@link io.github.nn4j.api.layer.ElementwiseLayer} naming its two kernels.
 */
package io.github.nn4j.api.layer;
