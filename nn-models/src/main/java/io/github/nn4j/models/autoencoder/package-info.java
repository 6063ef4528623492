/**
 * The MNIST autoencoder 784 → 128 → 64 → 128 → 784, written only against the public nn4j API, and the
 * experiment that trains it and turns images into 64-dimensional latent codes.
 */
package io.github.nn4j.models.autoencoder;
