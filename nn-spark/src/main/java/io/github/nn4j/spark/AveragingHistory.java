package io.github.nn4j.spark;

import java.util.List;

/**
 * What {@link ParameterAveraging#fit} did, round by round.
 *
 * @param rounds the statistics of every round, in order
 */
public record AveragingHistory(List<RoundStats> rounds) {

    /** Copies the list. */
    public AveragingHistory {
        rounds = List.copyOf(rounds);
    }

    /** The training loss of the last round. */
    public double finalLoss() {
        if (rounds.isEmpty()) {
            throw new IllegalStateException("no round was trained");
        }
        return rounds.get(rounds.size() - 1).loss();
    }

    /** The wall time of all rounds. */
    public long elapsedNanos() {
        return rounds.stream().mapToLong(RoundStats::elapsedNanos).sum();
    }
}
