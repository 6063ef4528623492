/**
 * The report's MNIST pipeline end to end (autoencoder, latent-feature SVM, PCA baseline) and the facts about
 * the run that the reproduction report records.
 */
package io.github.nn4j.models.reproduce;
