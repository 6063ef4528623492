package io.github.nn4j.models.classifier;

import io.github.nn4j.api.metric.ConfusionMatrix;
import io.github.nn4j.api.network.TrainingHistory;

/**
 * What training the classifier produced.
 *
 * @param settings           how it was trained
 * @param backend            the backend's name
 * @param history            per epoch: training loss, validation loss and validation accuracy
 * @param bestEpoch          the epoch with the best validation accuracy, whose weights the model has
 * @param stoppedEpoch       the epoch after which early stopping ended training, or 0 when it ran every epoch
 * @param fitSeconds         wall time of {@code fit}, validation passes included
 * @param cpuSeconds         CPU time the JVM used during {@code fit}, all its threads
 * @param loadAverage        the machine's load average (one minute) when training ended, or a negative value where
 *                           the system does not report it
 * @param validationAccuracy the best validation accuracy
 * @param testLoss           mean softmax cross-entropy on the test images
 * @param testAccuracy       share of the test images classified correctly
 * @param confusion          the test images' confusion matrix (rows: true digit, columns: predicted)
 * @param model              the trained network as a model file (safetensors, {@code ModelFiles}); not copied
 * @param modelSha256        lower-case hex SHA-256 of {@code model}
 */
public record ClassifierResult(ClassifierSettings settings, String backend, TrainingHistory history, int bestEpoch,
        int stoppedEpoch, double fitSeconds, double cpuSeconds, double loadAverage, double validationAccuracy,
        double testLoss, double testAccuracy, ConfusionMatrix confusion, byte[] model, String modelSha256) {

    /**
     * The validation accuracy after each epoch.
     *
     * @return one value per epoch trained
     */
    public double[] validationAccuracies() {
        return history.epochs().stream().mapToDouble(e -> e.validationMetric(ClassifierExperiment.ACCURACY.name()))
                .toArray();
    }
}
