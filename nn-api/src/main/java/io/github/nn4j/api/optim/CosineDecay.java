package io.github.nn4j.api.optim;

/**
 * Cosine decay (Loshchilov and Hutter, "SGDR", 2017, one cycle without restarts): the update with index {@code t}
 * uses the factor {@code minFactor + (1 − minFactor) · (1 + cos(π t / decaySteps)) / 2} for {@code t < decaySteps},
 * and {@code minFactor} from then on. It starts at 1, is halfway at {@code decaySteps / 2} and falls slowest at both
 * ends. Immutable.
 *
 * @param decaySteps the length of the decay in updates, {@code >= 1}
 * @param minFactor  the final factor, in {@code [0, 1]}
 */
public record CosineDecay(long decaySteps, double minFactor) implements LearningRateSchedule {

    /**
     * Checks the ranges.
     *
     * @param decaySteps the length of the decay in updates, {@code >= 1}
     * @param minFactor  the final factor, in {@code [0, 1]}
     */
    public CosineDecay {
        if (decaySteps < 1) {
            throw new IllegalArgumentException("cosine decay: the decay must last at least 1 update, got " + decaySteps);
        }
        if (!(minFactor >= 0 && minFactor <= 1)) {
            throw new IllegalArgumentException("cosine decay: the final factor must be in [0, 1], got " + minFactor);
        }
    }

    @Override
    public double factor(long step) {
        if (step >= decaySteps) {
            return minFactor;
        }
        double cosine = StrictMath.cos(StrictMath.PI * step / decaySteps);
        return minFactor + (1 - minFactor) * 0.5 * (1 + cosine);
    }

    @Override
    public String toString() {
        return "cosine decay over " + decaySteps + " steps to ×" + minFactor;
    }
}
