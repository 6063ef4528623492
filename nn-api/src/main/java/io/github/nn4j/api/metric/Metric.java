package io.github.nn4j.api.metric;

import io.github.nn4j.api.tensor.Tensor;

/**
 * A quality measure of a network's outputs against targets, accumulated over the mini-batches of a dataset, so that a
 * dataset of any size is measured without holding all outputs. Implementations are immutable and thread-safe; each
 * {@link Accumulator} serves one evaluation on one thread.
 */
public interface Metric {

    /**
     * The name under which results are reported, unique among the metrics of one evaluation.
     *
     * @return for example {@code "accuracy"}
     */
    String name();

    /**
     * Whether larger values are better (accuracy), or smaller ones (an error rate); early stopping reads it.
     *
     * @return {@code true} when larger values are better
     */
    boolean higherIsBetter();

    /**
     * A new, empty accumulation.
     *
     * @return an accumulator
     */
    Accumulator accumulator();

    /** The running state of one evaluation. Not thread-safe. */
    interface Accumulator {

        /**
         * Adds a batch.
         *
         * @param outputs the network's outputs for the batch, {@code [batch, ...]}
         * @param targets the batch's targets, as the metric's documentation describes them
         * @throws IllegalArgumentException when the shapes do not fit each other or a target is invalid, naming the row
         */
        void add(Tensor outputs, Tensor targets);

        /**
         * The metric over every batch added so far.
         *
         * @return the value; NaN before any batch
         */
        double value();
    }
}
