package io.github.nn4j.api.optim;

/**
 * Step decay: the learning rate is multiplied by {@code gamma} every {@code stepSize} updates, so the update with
 * index {@code t} uses the factor {@code gamma^floor(t / stepSize)} (Keras' and PyTorch's {@code StepLR}, counted in
 * updates). Immutable.
 *
 * @param stepSize the updates between two decays, {@code >= 1}
 * @param gamma    the factor applied at every decay, in {@code (0, 1]}
 */
public record StepDecay(long stepSize, double gamma) implements LearningRateSchedule {

    /**
     * Checks the ranges.
     *
     * @param stepSize the updates between two decays, {@code >= 1}
     * @param gamma    the factor applied at every decay, in {@code (0, 1]}
     */
    public StepDecay {
        if (stepSize < 1) {
            throw new IllegalArgumentException("step decay: the step size must be at least 1 update, got " + stepSize);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("step decay: gamma must be in (0, 1], got " + gamma);
        }
    }

    @Override
    public double factor(long step) {
        return StrictMath.pow(gamma, step / stepSize);
    }

    @Override
    public String toString() {
        return "step decay ×" + gamma + " every " + stepSize + " steps";
    }
}
