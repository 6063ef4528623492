package io.github.nn4j.models.svm;

/**
 * One candidate of the hyper-parameter grid and how it did.
 *
 * @param candidate          scaling, gamma and C
 * @param validationAccuracy accuracy on the validation vectors
 * @param fitSeconds         wall time of training on the grid's training subset
 */
public record GridPoint(SvmCandidate candidate, double validationAccuracy, double fitSeconds) {
}
