package io.github.nn4j.api.network;

import io.github.nn4j.api.metric.Metric;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How {@link Network#fit} trains: epochs, mini-batch size, shuffling, listeners and optional validation data with
 * metrics.
 * Build with {@link #builder(int)}. Immutable once built (the validation tensors remain owned by the caller).
 *
 * <p>Epochs are numbered from the start of training: {@code fit} trains epochs {@link #initialEpoch()} + 1 to
 * {@link #epochs()}. A fresh run starts at 0; a run resumed from a checkpoint starts where that run stopped
 * ({@link Builder#resumeFrom(TrainingProgress)}) and, with the same weights, optimizer state and data, produces
 * the same batches and bit-identical results as the uninterrupted run.
 */
public final class TrainingConfig {
    private final int epochs;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final List<TrainingListener> listeners;
    private final Tensor validationInputs;
    private final Tensor validationTargets;
    private final List<Metric> validationMetrics;
    private final int initialEpoch;
    private final TrainingProgress resumedFrom;
    private final double weightLimit;

    private TrainingConfig(Builder b) {
        if (b.initialEpoch >= b.epochs) {
            throw new IllegalArgumentException("the initial epoch " + b.initialEpoch + " must be below the last epoch "
                    + b.epochs + " (epochs count from the start of training, so a run resumed after epoch "
                    + b.initialEpoch + " needs builder(e) with e > " + b.initialEpoch + ")");
        }
        if (!b.validationMetrics.isEmpty() && b.validationInputs == null) {
            throw new IllegalArgumentException("validation metrics " + b.validationMetrics + " need validation data:"
                    + " set it with validation(inputs, targets)");
        }
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.listeners = List.copyOf(b.listeners);
        this.validationInputs = b.validationInputs;
        this.validationTargets = b.validationTargets;
        this.validationMetrics = List.copyOf(b.validationMetrics);
        this.initialEpoch = b.initialEpoch;
        this.resumedFrom = b.resumedFrom;
        this.weightLimit = b.weightLimit;
    }

    /**
     * A builder for {@code epochs} epochs, full batch, shuffling with seed 0.
     *
     * @param epochs the epoch training ends with, at least 1
     * @return a new builder
     */
    public static Builder builder(int epochs) {
        return new Builder(epochs);
    }

    /**
     * {@return the epoch training ends with, counted from the start of training (for a fresh run: the number of
     * passes)}
     */
    public int epochs() {
        return epochs;
    }

    /**
     * {@return the epochs already completed before this {@code fit}: it trains epochs {@code initialEpoch() + 1} to
     * {@link #epochs()}}
     */
    public int initialEpoch() {
        return initialEpoch;
    }

    /**
     * {@return the progress this configuration resumes from ({@link Builder#resumeFrom}), or {@code null}; {@code fit}
     * then requires the same number of training samples}
     */
    public TrainingProgress resumedFrom() {
        return resumedFrom;
    }

    /** {@return the mini-batch size; 0 means full batch (all samples in one step)} */
    public int batchSize() {
        return batchSize;
    }

    /** {@return whether the sample order is reshuffled every epoch (ignored for full-batch training)} */
    public boolean shuffle() {
        return shuffle;
    }

    /** {@return the seed of the shuffling generator; the same seed gives the same batch order} */
    public long seed() {
        return seed;
    }

    /** {@return the listeners called in order} */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    /**
     * {@return the parameter magnitude beyond which {@code fit} raises {@link TrainingWarning.Kind#WEIGHTS_EXPLODING}
     * (default {@value Builder#DEFAULT_WEIGHT_LIMIT}; infinite switches the check off)}
     */
    public double weightLimit() {
        return weightLimit;
    }

    /** {@return the validation inputs, or {@code null}} */
    public Tensor validationInputs() {
        return validationInputs;
    }

    /** {@return the validation targets, or {@code null}} */
    public Tensor validationTargets() {
        return validationTargets;
    }

    /**
     * The metrics measured on the validation data after every epoch, besides the loss; in
     * {@link EpochStats#validationMetrics()}.
     *
     * @return the metrics, in order; empty by default
     */
    public List<Metric> validationMetrics() {
        return validationMetrics;
    }

    /** Builder of {@link TrainingConfig}. */
    public static final class Builder {
        /**
         * Default of {@link #weightLimit(double)}: weights drawn by {@link io.github.nn4j.api.layer.WeightInit} are
         * below 1 in magnitude and trained networks' rarely pass 100, while a diverging run's reach thousands.
         */
        public static final double DEFAULT_WEIGHT_LIMIT = 1e3;

        private final int epochs;
        private double weightLimit = DEFAULT_WEIGHT_LIMIT;
        private int batchSize;
        private boolean shuffle = true;
        private long seed;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private Tensor validationInputs;
        private Tensor validationTargets;
        private final List<Metric> validationMetrics = new ArrayList<>();
        private final Set<String> metricNames = new HashSet<>();
        private int initialEpoch;
        private TrainingProgress resumedFrom;

        private Builder(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            this.epochs = epochs;
        }

        /**
         * Mini-batch size (at least 1), or 0 for full batch.
         *
         * @param batchSize samples per mini-batch, at least 1, or 0 for full batch
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 0) {
                throw new IllegalArgumentException("batch size must be >= 0 (0 = full batch), got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Whether to reshuffle every epoch (default true).
         *
         * @param shuffle whether to reshuffle
         * @return this builder
         */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * Seed of the shuffling generator (default 0).
         *
         * @param seed the seed of the shuffling generator
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener, called after those added before it
         * @return this builder
         */
        public Builder listener(TrainingListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /**
         * Epochs already completed (default 0): {@code fit} trains epochs {@code initialEpoch + 1} to the last one,
         * with the sample order those epochs have in a run from epoch 0 with the same seed, batch size and data.
         * Must be below the last epoch.
         *
         * @param initialEpoch the epochs already completed, at least 0
         * @return this builder
         */
        public Builder initialEpoch(int initialEpoch) {
            if (initialEpoch < 0) {
                throw new IllegalArgumentException("the initial epoch must be >= 0, got " + initialEpoch);
            }
            this.initialEpoch = initialEpoch;
            return this;
        }

        /**
         * Continues the run that reached {@code progress} (read from a checkpoint or from
         * {@link Network#trainingProgress()}): sets the seed, batch size, shuffling and initial epoch to that run's,
         * and makes {@code fit} check that it gets the same number of samples. Together with the checkpoint's
         * weights and optimizer state this gives the results of the uninterrupted run, bit for bit on the same
         * backend and thread count. Call it before any setting that should override the run's.
         *
         * @param progress where the run stood, e.g. {@link io.github.nn4j.api.persist.Checkpoint#progress()}
         * @return this builder
         */
        public Builder resumeFrom(TrainingProgress progress) {
            this.seed = progress.seed();
            this.batchSize = progress.batchSize();
            this.shuffle = progress.shuffle();
            this.initialEpoch = progress.epoch();
            this.resumedFrom = progress;
            return this;
        }

        /**
         * The parameter magnitude beyond which training raises a {@link TrainingWarning.Kind#WEIGHTS_EXPLODING}
         * warning; positive; {@code Double.POSITIVE_INFINITY} switches the check off.
         *
         * @param weightLimit the limit, positive; {@code Double.POSITIVE_INFINITY} switches the check off
         * @return this builder
         */
        public Builder weightLimit(double weightLimit) {
            if (!(weightLimit > 0)) {
                throw new IllegalArgumentException("the weight limit must be positive, got " + weightLimit);
            }
            this.weightLimit = weightLimit;
            return this;
        }

        /**
         * Data on which the loss is measured after every epoch.
         *
         * @param inputs the validation inputs, one row per sample
         * @param targets the validation targets, one row per sample
         * @return this builder
         */
        public Builder validation(Tensor inputs, Tensor targets) {
            this.validationInputs = inputs;
            this.validationTargets = targets;
            return this;
        }

        /**
         * Metrics to measure on the validation data after every epoch, besides the loss (which needs
         * {@link #validation(Tensor, Tensor)}).
         *
         * @param metrics metrics with distinct names, added to those set before
         * @return this builder
         */
        public Builder validationMetrics(Metric... metrics) {
            for (Metric m : metrics) {
                if (!metricNames.add(m.name())) {
                    throw new IllegalArgumentException("two validation metrics named '" + m.name() + "'");
                }
                validationMetrics.add(m);
            }
            return this;
        }

        /** {@return the configuration} */
        public TrainingConfig build() {
            return new TrainingConfig(this);
        }
    }
}
