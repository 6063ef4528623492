package io.github.nn4j.api.network;

import java.util.List;

/**
 * What {@link Network#fit} returns: the statistics of every epoch, in order. Immutable.
 *
 * @param epochs one entry per epoch
 */
public record TrainingHistory(List<EpochStats> epochs) {

    /** Creates a history (the list is copied). */
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** The mean training loss of each epoch. */
    public double[] losses() {
        return epochs.stream().mapToDouble(EpochStats::loss).toArray();
    }

    /** The validation loss after each epoch (NaN where there was no validation data). */
    public double[] validationLosses() {
        return epochs.stream().mapToDouble(EpochStats::validationLoss).toArray();
    }

    /** Training loss of the last epoch. */
    public double finalLoss() {
        return epochs.get(epochs.size() - 1).loss();
    }

    /** Total training time in seconds (excluding validation). */
    public double trainingSeconds() {
        return epochs.stream().mapToLong(EpochStats::elapsedNanos).sum() / 1e9;
    }
}
