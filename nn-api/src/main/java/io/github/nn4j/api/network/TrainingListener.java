package io.github.nn4j.api.network;

/**
 * Observes {@link Network#fit}, on the training thread: once at the start, after every mini-batch and every epoch,
 * on a {@link TrainingWarning}, and once at the end. Every method defaults to doing nothing. Keep {@link #onBatchEnd}
 * cheap: it runs inside the training loop.
 *
 * <h2>Stopping training</h2>
 * After every epoch (after all listeners' {@link #onEpochEnd}), {@code fit} asks each listener
 * {@link #stopRequested()}; when one answers {@code true}, {@code fit} trains no further epoch, calls
 * {@link #onTrainingEnd} and returns the history so far, normally. That is how {@link EarlyStopping} ends training.
 * A listener that throws aborts training with that exception instead (a failed checkpoint save does), and then
 * {@code onTrainingEnd} is not called.
 */
public interface TrainingListener {

    /**
     * Before the first epoch of a {@code fit}; a listener that keeps state across epochs resets it here, and may
     * check the configuration (throwing {@link IllegalArgumentException} aborts {@code fit} before any training).
     *
     * @param config the configuration of this {@code fit}
     */
    default void onTrainingStart(TrainingConfig config) {
    }

    /**
     * After each mini-batch.
     *
     * @param epoch     1-based epoch number
     * @param batch     1-based batch number within the epoch
     * @param batches   batches per epoch
     * @param batchLoss the loss of this batch (before the update)
     */
    default void onBatchEnd(int epoch, int batch, int batches, double batchLoss) {
    }

    /**
     * After each epoch, with its statistics.
     *
     * @param stats the epoch's losses, validation metrics and timing
     */
    default void onEpochEnd(EpochStats stats) {
    }

    /**
     * When training shows a sign of failure that a finite loss hides (see {@link TrainingWarning.Kind}), right
     * before {@link #onEpochEnd} of the epoch it was seen after.
     *
     * @param warning the warning (also logged and kept in the history)
     */
    default void onWarning(TrainingWarning warning) {
    }

    /**
     * Whether this listener wants training to stop after the epoch that just ended; asked after every epoch's
     * {@link #onEpochEnd} calls (see the class documentation).
     *
     * @return {@code true} to end {@code fit} now
     */
    default boolean stopRequested() {
        return false;
    }

    /**
     * After the last epoch, or after the epoch a listener stopped training at, before {@code fit} returns; not called
     * when training ends with an exception.
     *
     * @param history the history {@code fit} is about to return
     */
    default void onTrainingEnd(TrainingHistory history) {
    }
}
