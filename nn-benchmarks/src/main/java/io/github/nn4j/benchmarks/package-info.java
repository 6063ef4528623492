/**
 * JMH benchmarks of the nn4j backends and of a peer framework (DL4J).
 *
 * <p>{@link io.github.nn4j.benchmarks.kernels} times single operations (GEMM, a Dense layer, activation
 * kernels); {@link io.github.nn4j.benchmarks.training} times whole training work (one autoencoder step, one
 * autoencoder epoch, the XOR experiment), for nn4j and for DL4J side by side; {@link
 * io.github.nn4j.benchmarks.reporting} runs a profile and turns the JMH results into the Markdown table of the
 * README. Every benchmark is parameterised by {@code backend}; a backend that cannot run here fails its own
 * benchmarks' setup with the reason, and the rest of the run goes on.
 */
package io.github.nn4j.benchmarks;
