package io.github.nn4j.models.svm;

/**
 * How {@link Standardizer} scales centred features.
 */
public enum FeatureScaling {
    /**
     * Each feature divided by its own standard deviation (z-scores): every feature gets the same weight in
     * the RBF distance, whatever its original spread.
     */
    PER_FEATURE,
    /**
     * All features divided by one common factor, the root of their mean variance: the average feature has
     * unit variance, and the geometry of the space (relative distances, the dominance of high-variance
     * directions such as leading principal components) is unchanged.
     */
    UNIFORM
}
