package io.github.nn4j.models.svm;

import io.github.nn4j.api.metric.ConfusionMatrix;
import java.util.List;

/**
 * What an {@link SvmExperiment} measured.
 *
 * @param features               what the features are, e.g. {@code "autoencoder latent (64)"}
 * @param dimension              width of the feature vectors
 * @param constantFeatures       features constant on the training vectors (e.g. latent units whose ReLU never
 *                               fires)
 * @param grid                   every grid candidate with its validation accuracy
 * @param gridTrainSize          training vectors each grid candidate was trained on
 * @param best                   the candidate chosen by {@link GridChoice}: the simplest within one standard
 *                               error of the highest validation accuracy
 * @param trainSize              training vectors of the final fit
 * @param fitSeconds             wall time of the final fit
 * @param predictSeconds         wall time of predicting the test vectors
 * @param gridSeconds            wall time of the whole grid search
 * @param distinctSupportVectors training vectors used as support vectors by at least one pair
 * @param validationAccuracy     accuracy of the final model on the validation vectors
 * @param test                   the final model's confusion matrix on the test vectors
 */
public record SvmResult(String features, int dimension, int constantFeatures, List<GridPoint> grid,
        int gridTrainSize, SvmCandidate best, int trainSize, double fitSeconds, double predictSeconds,
        double gridSeconds, int distinctSupportVectors, double validationAccuracy, ConfusionMatrix test) {

    /** Copies the grid. */
    public SvmResult {
        grid = List.copyOf(grid);
    }

    /** Accuracy on the test vectors. */
    public double testAccuracy() {
        return test.accuracy();
    }
}
