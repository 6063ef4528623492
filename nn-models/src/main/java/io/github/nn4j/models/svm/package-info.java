/**
 * Classifying feature vectors with a multi-class RBF support vector machine: standardization, the
 * one-versus-one machine built from Smile's LASVM solver, a small validation search over the kernel width and
 * C with its choice rule, the PCA baseline features (covariance on an nn4j backend, a symmetric
 * eigendecomposition in Java), and the confusion matrix.
 *
 * <p>Smile is GPL-3.0; it is used only inside this module, and only its pure-Java LASVM solver.
 */
package io.github.nn4j.models.svm;
