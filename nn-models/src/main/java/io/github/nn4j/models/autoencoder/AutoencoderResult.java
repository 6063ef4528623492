package io.github.nn4j.models.autoencoder;

import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.models.svm.FeatureSet;

/**
 * What training (or loading) the autoencoder produced.
 *
 * @param settings        how it was trained
 * @param backend         the backend's name
 * @param history         per-epoch training loss (per-image sum) and validation loss
 * @param trainingSeconds wall time of {@code fit}, including the per-epoch validation passes
 * @param trainError      reconstruction error on the training images after training
 * @param testError       reconstruction error on the official test images
 * @param codes           the encoder's latent codes of every image
 * @param samples         some test images with their reconstructions, for the figure
 * @param model           the trained autoencoder as a model file; when it was loaded instead of trained
 *                        ({@link AutoencoderModel#loaded()}), the history is empty and the training time 0
 */
public record AutoencoderResult(AutoencoderSettings settings, String backend, TrainingHistory history,
        double trainingSeconds, ReconstructionError trainError, ReconstructionError testError, FeatureSet codes,
        ReconstructionSamples samples, AutoencoderModel model) {
}
