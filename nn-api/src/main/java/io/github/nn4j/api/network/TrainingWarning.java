package io.github.nn4j.api.network;

/**
 * A sign, seen by {@link Network#fit} after an epoch, that training has gone wrong although every loss is a
 * finite number (a NaN or infinite batch loss stops training with {@link TrainingDivergedException} instead).
 * Each kind is raised at most once per {@code fit}; listeners get it through
 * {@link TrainingListener#onWarning}, the history keeps it ({@link TrainingHistory#warnings()}), and it is logged
 * at WARN.
 *
 * @param epoch   the epoch after which it was seen (1-based, counted from the start of training)
 * @param kind    what was seen
 * @param message a sentence for a person: the numbers seen and what usually helps
 */
public record TrainingWarning(int epoch, Kind kind, String message) {

    /** What went wrong. */
    public enum Kind {
        /**
         * A parameter grew beyond {@link TrainingConfig#weightLimit()} in magnitude: typically a learning rate far
         * too large, after which units saturate and learning stops.
         */
        WEIGHTS_EXPLODING,
        /**
         * The training loss has not improved (by a relative 1e-7) for 10 epochs and the gradients have vanished
         * (root mean square of the last batch's gradients below 1e-8): units are saturated or dead, and further
         * epochs change nothing.
         */
        STALLED,
        /** The loss on the validation data is NaN or infinite. */
        VALIDATION_NOT_FINITE
    }

    @Override
    public String toString() {
        return "epoch " + epoch + ": " + message;
    }
}
