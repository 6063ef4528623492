/**
 * nn4j: a small neural-network library for the JVM with pluggable compute backends.
 *
 * <p>Packages:
 * <ul>
 *   <li>{@link io.github.nn4j.api.tensor}: the {@code Tensor} handle, shapes, dtypes and operation enums;</li>
 *   <li>{@link io.github.nn4j.api.backend}: the {@code Backend} SPI and its discovery through
 *       {@link java.util.ServiceLoader};</li>
 *   <li>{@link io.github.nn4j.api.layer}, {@link io.github.nn4j.api.loss}, {@link io.github.nn4j.api.optim}:
 *       the model SPIs and their standard implementations, written only against {@code Tensor};</li>
 *   <li>{@link io.github.nn4j.api.network}: the sequential {@code Network} and its training loop;</li>
 *   <li>{@link io.github.nn4j.api.persist}: model files and training checkpoints (safetensors), and the
 *       {@code LayerType}/{@code OptimizerType} SPIs through which layers and optimizers take part;</li>
 *   <li>{@link io.github.nn4j.api.gradcheck}: finite-difference gradient checking for any layer or loss.</li>
 * </ul>
 */
package io.github.nn4j.api;
