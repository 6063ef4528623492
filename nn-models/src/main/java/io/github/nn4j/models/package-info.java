/**
 * Models and experiments built on the nn4j API: XOR, the MNIST autoencoder, the
 * latent-feature SVM, report writing, and the {@code nn4j} command-line app.
 */
package io.github.nn4j.models;
