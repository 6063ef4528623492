package io.github.nn4j.api.network;

/**
 * Observes {@link Network#fit}: called on the training thread after every mini-batch and every epoch, and on a
 * {@link TrainingWarning}. Every method defaults to doing nothing. A listener that throws aborts training with that exception.
 * Keep {@link #onBatchEnd} cheap: it runs inside the training loop.
 */
public interface TrainingListener {

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
     * @param stats the epoch's numbers
     */
    default void onEpochEnd(EpochStats stats) {
    }

    /**
     * When training shows a sign of failure that a finite loss hides (see {@link TrainingWarning.Kind}), right
     * before {@link #onEpochEnd} of the epoch it was seen after. A listener may stop training by throwing.
     *
     * @param warning the warning (also logged and kept in the history)
     */
    default void onWarning(TrainingWarning warning) {
    }
}
