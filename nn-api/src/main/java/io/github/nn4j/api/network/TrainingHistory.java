package io.github.nn4j.api.network;

import java.util.List;

/**
 * What {@link Network#fit} returns: the statistics of every epoch, in order, and the warnings raised. Immutable.
 *
 * @param epochs   one entry per epoch
 * @param warnings the {@link TrainingWarning}s raised, in order (empty for a healthy run)
 */
public record TrainingHistory(List<EpochStats> epochs, List<TrainingWarning> warnings) {

    /**
     * Creates a history (the lists are copied).
     *
     * @param epochs one entry per epoch
     * @param warnings the {@link TrainingWarning}s raised, in order (empty for a healthy run)
     */
    public TrainingHistory {
        epochs = List.copyOf(epochs);
        warnings = List.copyOf(warnings);
    }

    /**
     * A history without warnings.
     *
     * @param epochs one entry per epoch
     */
    public TrainingHistory(List<EpochStats> epochs) {
        this(epochs, List.of());
    }

    /** {@return the mean training loss of each epoch} */
    public double[] losses() {
        return epochs.stream().mapToDouble(EpochStats::loss).toArray();
    }

    /** {@return the validation loss after each epoch (NaN where there was no validation data)} */
    public double[] validationLosses() {
        return epochs.stream().mapToDouble(EpochStats::validationLoss).toArray();
    }

    /** {@return the training loss of the last epoch} */
    public double finalLoss() {
        return epochs.get(epochs.size() - 1).loss();
    }

    /** {@return the total training time in seconds (excluding validation)} */
    public double trainingSeconds() {
        return epochs.stream().mapToLong(EpochStats::elapsedNanos).sum() / 1e9;
    }
}
