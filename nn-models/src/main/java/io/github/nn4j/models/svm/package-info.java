/**
 * Classifying feature vectors with a multi-class RBF support vector machine: standardization, the
 * one-versus-one machine built from Smile's LASVM solver, a small validation grid over the kernel width and
 * C, the PCA baseline features, and the confusion matrix.
 *
 * <p>Smile is GPL-3.0; it is used only inside this module.
 */
package io.github.nn4j.models.svm;
