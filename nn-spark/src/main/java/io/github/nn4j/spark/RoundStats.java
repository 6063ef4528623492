package io.github.nn4j.spark;

/**
 * Statistics of one averaging round of {@link ParameterAveraging}: every partition trained some mini-batches from
 * the same parameters, and the driver averaged the results.
 *
 * @param round        1-based round number
 * @param rounds       the number of rounds of the whole fit
 * @param epoch        training progress after this round, in epochs (a fraction while an epoch is under way): the
 *                     mini-batches each partition has trained over its batches per epoch
 * @param loss         mean training loss per sample over the round's mini-batches in all partitions (each batch's loss
 *                     measured before its update)
 * @param samples      training samples the round used, all partitions together
 * @param partitions   partitions that trained
 * @param elapsedNanos wall time of the round on the driver: sending the parameters, training, averaging
 * @param trainNanos   training time of the slowest partition (its mini-batch steps only): {@code elapsedNanos} minus
 *                     this is the round's overhead
 */
public record RoundStats(int round, int rounds, double epoch, double loss, long samples, int partitions,
                         long elapsedNanos, long trainNanos) {

    /** The part of the round's wall time not spent in the slowest partition's training steps. */
    public long overheadNanos() {
        return Math.max(0, elapsedNanos - trainNanos);
    }
}
