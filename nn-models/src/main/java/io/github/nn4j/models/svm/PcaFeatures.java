package io.github.nn4j.models.svm;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.datasets.LabeledImages;
import io.github.nn4j.datasets.TrainValidationSplit;

/**
 * The honest baseline for the autoencoder's latent codes: the projection of the raw pixels (scaled to
 * [0, 1]) onto their first {@code k} principal components, fitted on the training images only
 * ({@link PrincipalComponents}: a covariance product on the given backend and an eigendecomposition in Java).
 * It answers whether a non-linear 64-d code beats the best linear 64-d projection.
 */
public final class PcaFeatures {
    private PcaFeatures() {
    }

    /** Projects training, validation and test images onto the first {@code components} principal axes. */
    public static FeatureSet project(Backend backend, TrainValidationSplit split, LabeledImages test, int components) {
        double[][] train = split.train().scaledPixelRows();
        PrincipalComponents pca = PrincipalComponents.fit(backend, train, components);
        return new FeatureSet(
                pca.project(backend, train), split.train().labels(),
                pca.project(backend, split.validation().scaledPixelRows()), split.validation().labels(),
                pca.project(backend, test.scaledPixelRows()), test.labels());
    }
}
