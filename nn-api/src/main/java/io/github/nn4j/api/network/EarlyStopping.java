package io.github.nn4j.api.network;

import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.metric.Metric;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ends {@link Network#fit} when a validation measure has not improved for {@code patience} epochs, and puts back the
 * weights of the best epoch (Keras' {@code EarlyStopping} with {@code restore_best_weights}):
 * <pre>{@code
 * EarlyStopping stop = EarlyStopping.builder(net).monitor(new Accuracy()).patience(5).build();
 * net.fit(x, y, loss, adam, TrainingConfig.builder(100).batchSize(64)
 *         .validation(xVal, yVal).validationMetrics(new Accuracy()).listener(stop).build());
 * // net now holds the weights of epoch stop.bestEpoch()
 * }</pre>
 *
 * <p>It watches the validation loss (the default) or a {@linkplain TrainingConfig#validationMetrics() validation
 * metric} of the configuration, lower or higher being better as the metric says. An epoch improves when its value
 * beats the best so far by more than {@code minDelta}; a NaN never does. After each improvement it copies every
 * parameter of the network (one copy of the weights, reused); when {@code patience} epochs in a row have not improved
 * it {@linkplain TrainingListener#stopRequested() asks fit to stop}, and when training ends, stopped or not, it copies
 * the best epoch's weights back into the network (unless that epoch was the last, or restoring is off). The optimizer's
 * state and {@link Network#trainingProgress()} stay those of the last epoch trained.
 *
 * <p>Its state is reset at the start of every {@code fit}; it is not part of checkpoints, so a run resumed from one
 * starts watching afresh. Runs on the training thread; {@link #close()} frees the copy of the weights.
 */
public final class EarlyStopping implements TrainingListener, AutoCloseable {
    private final Network network;
    private final Metric metric;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBestWeights;
    private final List<Tensor> best = new ArrayList<>();
    private double bestValue;
    private int bestEpoch;
    private int lastEpoch;
    private int epochsWithoutImprovement;
    private int stoppedEpoch;
    private boolean restored;

    private EarlyStopping(Builder b) {
        this.network = b.network;
        this.metric = b.metric;
        this.patience = b.patience;
        this.minDelta = b.minDelta;
        this.restoreBestWeights = b.restoreBestWeights;
        reset();
    }

    /**
     * A builder for early stopping of {@code network}'s training.
     *
     * @param network the network whose weights are kept and restored: the one being trained
     * @return the builder (defaults: validation loss, patience 5, min delta 0, restoring the best weights)
     */
    public static Builder builder(Network network) {
        return new Builder(network);
    }

    private void reset() {
        bestValue = Double.NaN;
        bestEpoch = 0;
        lastEpoch = 0;
        epochsWithoutImprovement = 0;
        stoppedEpoch = 0;
        restored = false;
    }

    /** Resets the state and checks that the configuration has the validation data and metric watched. */
    @Override
    public void onTrainingStart(TrainingConfig config) {
        if (config.validationInputs() == null) {
            throw new IllegalArgumentException("early stopping watches " + monitored()
                    + ", but the training configuration has no validation data");
        }
        if (metric != null && config.validationMetrics().stream().noneMatch(m -> m.name().equals(metric.name()))) {
            throw new IllegalArgumentException("early stopping watches the validation metric '" + metric.name()
                    + "', which the training configuration does not measure; add it with validationMetrics(...)");
        }
        reset();
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        double value = metric == null ? stats.validationLoss() : stats.validationMetric(metric.name());
        lastEpoch = stats.epoch();
        if (improves(value)) {
            bestValue = value;
            bestEpoch = stats.epoch();
            epochsWithoutImprovement = 0;
            if (restoreBestWeights) {
                keepWeights();
            }
        } else {
            epochsWithoutImprovement++;
            if (epochsWithoutImprovement >= patience && stoppedEpoch == 0) {
                stoppedEpoch = stats.epoch();
            }
        }
    }

    private boolean improves(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(bestValue)) {
            return true;
        }
        boolean higherIsBetter = metric != null && metric.higherIsBetter();
        return higherIsBetter ? value > bestValue + minDelta : value < bestValue - minDelta;
    }

    private void keepWeights() {
        List<Parameter> ps = network.parameters();
        for (int i = 0; i < ps.size(); i++) {
            Tensor v = ps.get(i).value();
            if (best.size() <= i) {
                best.add(v.backend().zeros(v.dtype(), v.shape()));
            }
            v.backend().copy(v, best.get(i));
        }
    }

    /** {@code true} once {@code patience} epochs in a row have not improved. */
    @Override
    public boolean stopRequested() {
        return stoppedEpoch != 0;
    }

    /** Restores the best epoch's weights, when another epoch came after it and restoring is on. */
    @Override
    public void onTrainingEnd(TrainingHistory history) {
        if (restoreBestWeights && bestEpoch != 0 && bestEpoch != lastEpoch) {
            List<Parameter> ps = network.parameters();
            for (int i = 0; i < ps.size(); i++) {
                Tensor v = ps.get(i).value();
                v.backend().copy(best.get(i), v);
            }
            restored = true;
        }
    }

    /**
     * The epoch with the best value in the last {@code fit}.
     *
     * @return its number, counted from the start of training; 0 when no epoch had a value that is not NaN
     */
    public int bestEpoch() {
        return bestEpoch;
    }

    /**
     * The best value in the last {@code fit}.
     *
     * @return the validation loss or metric of {@link #bestEpoch()}; NaN when there is none
     */
    public double bestValue() {
        return bestValue;
    }

    /**
     * The epoch after which this listener stopped the last {@code fit}.
     *
     * @return its number; 0 when training ran to its last epoch
     */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /**
     * Whether the last {@code fit} ended with the best epoch's weights copied back into the network.
     *
     * @return {@code true} when the network's weights are those of {@link #bestEpoch()} through restoring
     */
    public boolean restoredBestWeights() {
        return restored;
    }

    private String monitored() {
        return metric == null ? "the validation loss" : "the validation metric '" + metric.name() + "'";
    }

    /** Frees the copy of the best weights. */
    @Override
    public void close() {
        best.forEach(Tensor::close);
        best.clear();
    }

    @Override
    public String toString() {
        return "EarlyStopping(" + monitored() + ", patience " + patience + (minDelta == 0 ? "" : ", min delta " + minDelta)
                + (restoreBestWeights ? ", restoring the best weights" : "") + ")";
    }

    /** Builds an {@link EarlyStopping}. */
    public static final class Builder {
        private final Network network;
        private Metric metric;
        private int patience = 5;
        private double minDelta;
        private boolean restoreBestWeights = true;

        private Builder(Network network) {
            this.network = Objects.requireNonNull(network, "network");
        }

        /**
         * Watches a validation metric instead of the validation loss; the training configuration must measure a
         * metric of the same name.
         *
         * @param metric the metric; its {@link Metric#higherIsBetter()} decides what improves
         * @return this builder
         */
        public Builder monitor(Metric metric) {
            this.metric = Objects.requireNonNull(metric, "metric");
            return this;
        }

        /**
         * The epochs in a row without improvement after which training stops (default 5).
         *
         * @param epochs at least 1
         * @return this builder
         */
        public Builder patience(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("early stopping: patience must be at least 1 epoch, got " + epochs);
            }
            this.patience = epochs;
            return this;
        }

        /**
         * How much an epoch must beat the best value by to count as an improvement (default 0).
         *
         * @param minDelta finite, {@code >= 0}
         * @return this builder
         */
        public Builder minDelta(double minDelta) {
            if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
                throw new IllegalArgumentException("early stopping: min delta must be finite and >= 0, got " + minDelta);
            }
            this.minDelta = minDelta;
            return this;
        }

        /**
         * Whether to put the best epoch's weights back when training ends (default {@code true}).
         *
         * @param restore {@code false} to keep the last epoch's weights
         * @return this builder
         */
        public Builder restoreBestWeights(boolean restore) {
            this.restoreBestWeights = restore;
            return this;
        }

        /**
         * The listener.
         *
         * @return a new {@link EarlyStopping}
         */
        public EarlyStopping build() {
            return new EarlyStopping(this);
        }
    }
}
