package io.github.nn4j.api.network;

/**
 * Where a {@link Network#fit} run stands after a completed epoch: everything, besides the weights and the
 * optimizer's state, that a resumed run needs to continue exactly as the uninterrupted run would have.
 *
 * <p>The sample order of every epoch is a function of {@code (seed, samples, epoch)} under the shuffling of
 * {@code fit}, so these five values determine the order of every later epoch: a run resumed with
 * {@link TrainingConfig.Builder#resumeFrom(TrainingProgress)} replays the earlier shuffles (a few nanoseconds per
 * sample and epoch, no training) and then sees the batches the uninterrupted run would have seen. Checkpoints
 * ({@code io.github.nn4j.api.persist.ModelFiles}) store it. Immutable.
 *
 * @param epoch     epochs completed, counted from the start of training (not of the last {@code fit} call)
 * @param seed      the shuffling seed of the run ({@link TrainingConfig#seed()})
 * @param batchSize the configured mini-batch size, 0 for full batch ({@link TrainingConfig#batchSize()})
 * @param shuffle   whether the run reshuffles every epoch ({@link TrainingConfig#shuffle()})
 * @param samples   the number of training samples
 */
public record TrainingProgress(int epoch, long seed, int batchSize, boolean shuffle, int samples) {

    /**
     * Checks the ranges: {@code epoch >= 0}, {@code batchSize >= 0}, {@code samples >= 1}.
     *
     * @param epoch epochs completed, counted from the start of training (not of the last {@code fit} call)
     * @param seed the shuffling seed of the run ({@link TrainingConfig#seed()})
     * @param batchSize the configured mini-batch size, 0 for full batch ({@link TrainingConfig#batchSize()})
     * @param shuffle whether the run reshuffles every epoch ({@link TrainingConfig#shuffle()})
     * @param samples the number of training samples
     */
    public TrainingProgress {
        if (epoch < 0 || batchSize < 0 || samples < 1) {
            throw new IllegalArgumentException("training progress needs epoch >= 0, batch size >= 0 and samples >= 1,"
                    + " got epoch " + epoch + ", batch size " + batchSize + ", samples " + samples);
        }
    }
}
