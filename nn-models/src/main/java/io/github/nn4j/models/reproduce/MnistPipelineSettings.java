package io.github.nn4j.models.reproduce;

import io.github.nn4j.models.autoencoder.AutoencoderSettings;
import io.github.nn4j.models.classifier.ClassifierSettings;
import io.github.nn4j.models.svm.SvmSettings;

/**
 * Settings of the whole MNIST pipeline.
 *
 * @param autoencoder   how the autoencoder is trained
 * @param svm           the SVM grid and threads (used for the latent codes and for the PCA baseline alike)
 * @param pcaComponents width of the PCA baseline (the report's latent width, 64)
 * @param classifier    how our addition, the supervised MLP on the raw pixels, is trained
 */
public record MnistPipelineSettings(AutoencoderSettings autoencoder, SvmSettings svm, int pcaComponents,
        ClassifierSettings classifier) {
    /** Checks the PCA width. */
    public MnistPipelineSettings {
        if (pcaComponents < 1) {
            throw new IllegalArgumentException("PCA components must be at least 1, got " + pcaComponents);
        }
    }
}
