package io.github.nn4j.api.network;

import java.util.SplittableRandom;

/**
 * The order in which {@link Network#fit} visits the samples, epoch after epoch: the identity, or, when shuffling,
 * one in-place Fisher–Yates shuffle per epoch drawn from a single {@link SplittableRandom} seeded once. The order
 * of epoch {@code k} therefore follows from the seed and {@code k} alone, which is what lets a resumed
 * {@code fit} replay earlier epochs, and lets distributed trainers (nn-spark) draw exactly {@code fit}'s batches.
 *
 * <p>Not thread-safe; allocates its index array once.
 */
public final class SampleOrder {
    private final int[] order;
    private final SplittableRandom random;
    private final boolean shuffle;

    /**
     * The order of {@code samples} samples, before the first epoch.
     *
     * @param samples number of samples, at least 1
     * @param seed    the generator's seed (unused without shuffling)
     * @param shuffle whether each epoch reshuffles; {@code false} keeps the identity order
     */
    public SampleOrder(int samples, long seed, boolean shuffle) {
        if (samples < 1) {
            throw new IllegalArgumentException("a sample order needs at least one sample, got " + samples);
        }
        this.order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        this.random = new SplittableRandom(seed);
        this.shuffle = shuffle;
    }

    /**
     * Advances to the next epoch and returns its order: the sample index of each position. The array is live
     * (the next call reshuffles it in place): callers must not modify it.
     *
     * @return the sample index of each position of the epoch, a permutation of {@code 0 .. samples - 1}
     */
    public int[] nextEpoch() {
        if (shuffle) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }
}
