/**
 * Our addition to the reproduction: a supervised MLP that classifies MNIST's raw pixels (784-256-128-10, ReLU,
 * dropout, softmax cross-entropy, SGD with momentum and weight decay, a cosine schedule, early stopping on the
 * validation images), the third row of the report beside the latent SVM and the PCA SVM, and the model of
 * {@code ./nn4j classify}.
 */
package io.github.nn4j.models.classifier;
