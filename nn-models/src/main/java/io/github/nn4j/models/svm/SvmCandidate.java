package io.github.nn4j.models.svm;

/**
 * One point of the hyper-parameter grid: how the features are scaled, and the kernel and penalty.
 *
 * @param scaling how {@link Standardizer} scales the centred features
 * @param params  gamma and C
 */
public record SvmCandidate(FeatureScaling scaling, RbfSvmParams params) {
    @Override
    public String toString() {
        return scaling.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " scaling, " + params;
    }
}
