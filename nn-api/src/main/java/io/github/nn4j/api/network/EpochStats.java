package io.github.nn4j.api.network;

/**
 * Statistics of one training epoch.
 *
 * @param epoch          1-based epoch number, counted from the start of training (see {@link TrainingConfig#initialEpoch()})
 * @param epochs         the last epoch of this fit ({@link TrainingConfig#epochs()})
 * @param loss           mean training loss over the epoch's samples (each batch's loss measured before its update)
 * @param validationLoss loss on the validation data after the epoch, or NaN when there is none
 * @param elapsedNanos   wall time of the epoch's training steps (excluding validation)
 * @param samples        training samples seen in the epoch
 */
public record EpochStats(int epoch, int epochs, double loss, double validationLoss, long elapsedNanos, int samples) {

    /** {@return the training throughput of the epoch} */
    public double samplesPerSecond() {
        return samples / (elapsedNanos / 1e9);
    }
}
