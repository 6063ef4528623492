/**
 * Benchmarks of whole training work, for every nn4j backend and for DL4J side by side: one step and one
 * 56,000-image epoch of the report's MNIST autoencoder, and the report's 20,000-epoch XOR experiment.
 * The {@code backend} parameter value {@code "dl4j"} selects the peer framework.
 */
package io.github.nn4j.benchmarks.training;
