package io.github.nn4j.api.network;

import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link Network#fit} trains: epochs, mini-batch size, shuffling, listeners and optional validation data.
 * Build with {@link #builder(int)}. Immutable once built (the validation tensors remain owned by the caller).
 */
public final class TrainingConfig {
    private final int epochs;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final List<TrainingListener> listeners;
    private final Tensor validationInputs;
    private final Tensor validationTargets;

    private TrainingConfig(Builder b) {
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.listeners = List.copyOf(b.listeners);
        this.validationInputs = b.validationInputs;
        this.validationTargets = b.validationTargets;
    }

    /** A builder for {@code epochs} epochs, full batch, shuffling with seed 0. */
    public static Builder builder(int epochs) {
        return new Builder(epochs);
    }

    /** Number of passes over the training data. */
    public int epochs() {
        return epochs;
    }

    /** Mini-batch size; 0 means full batch (all samples in one step). */
    public int batchSize() {
        return batchSize;
    }

    /** Whether the sample order is reshuffled every epoch (ignored for full-batch training). */
    public boolean shuffle() {
        return shuffle;
    }

    /** Seed of the shuffling generator; the same seed gives the same batch order. */
    public long seed() {
        return seed;
    }

    /** Listeners called in order. */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    /** Validation inputs, or {@code null}. */
    public Tensor validationInputs() {
        return validationInputs;
    }

    /** Validation targets, or {@code null}. */
    public Tensor validationTargets() {
        return validationTargets;
    }

    /** Builder of {@link TrainingConfig}. */
    public static final class Builder {
        private final int epochs;
        private int batchSize;
        private boolean shuffle = true;
        private long seed;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private Tensor validationInputs;
        private Tensor validationTargets;

        private Builder(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            this.epochs = epochs;
        }

        /** Mini-batch size (at least 1), or 0 for full batch. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 0) {
                throw new IllegalArgumentException("batch size must be >= 0 (0 = full batch), got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Whether to reshuffle every epoch (default true). */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** Seed of the shuffling generator (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Adds a listener. */
        public Builder listener(TrainingListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /** Data on which the loss is measured after every epoch. */
        public Builder validation(Tensor inputs, Tensor targets) {
            this.validationInputs = inputs;
            this.validationTargets = targets;
            return this;
        }

        /** The configuration. */
        public TrainingConfig build() {
            return new TrainingConfig(this);
        }
    }
}
