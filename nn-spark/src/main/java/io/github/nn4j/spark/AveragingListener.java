package io.github.nn4j.spark;

/**
 * Observes {@link ParameterAveraging#fit}: called on the driver after every averaging round, once the averaged
 * parameters are in the driver's network. A listener that throws ends training with that exception (the network
 * keeps the parameters of the last completed round).
 */
@FunctionalInterface
public interface AveragingListener {

    /** After each round, with its statistics. */
    void onRoundEnd(RoundStats stats);
}
