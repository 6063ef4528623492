/**
 * Benchmarks of single operations: matrix products ({@link io.github.nn4j.benchmarks.kernels.SgemmBenchmark},
 * {@link io.github.nn4j.benchmarks.kernels.DgemmBenchmark}) at square sizes and at the autoencoder's shapes, a
 * Dense layer's forward and backward pass, and the activation kernels.
 */
package io.github.nn4j.benchmarks.kernels;
