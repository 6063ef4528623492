package io.github.nn4j.api.optim;

/**
 * How the learning rate of a {@link GradientDescent} optimizer changes over training: a factor of its base learning
 * rate for every update. The update with index {@code t} (counted from 0: the optimizer's {@link Optimizer#steps()}
 * before it) uses {@code learningRate · factor(t)}.
 *
 * <p>A schedule is a pure function of the step index, and the step count is part of every checkpoint, so a run
 * resumed from a checkpoint continues the schedule exactly where it stopped. The standard schedules compute with
 * {@link StrictMath}, so a factor is the same number on every JVM. Schedules count optimizer steps (mini-batches), not
 * epochs: for a schedule in epochs multiply by the batches per epoch, {@code ceil(samples / batchSize)}.
 *
 * <p>Implementations are immutable and thread-safe. To save an optimizer with a schedule of your own in a
 * checkpoint, register an {@link io.github.nn4j.api.persist.ScheduleType} for it.
 */
public interface LearningRateSchedule {

    /**
     * The factor of the base learning rate for the update with index {@code step}.
     *
     * @param step the number of updates before this one, {@code >= 0}
     * @return a finite factor {@code >= 0}
     */
    double factor(long step);

    /**
     * The base learning rate throughout.
     *
     * @return the constant schedule
     */
    static LearningRateSchedule constant() {
        return ConstantLearningRate.INSTANCE;
    }

    /**
     * Step decay: the factor is {@code gamma^floor(t / stepSize)}.
     *
     * @param stepSize the updates between two decays, {@code >= 1}
     * @param gamma    the factor applied at every decay, in {@code (0, 1]}
     * @return the schedule
     */
    static StepDecay step(long stepSize, double gamma) {
        return new StepDecay(stepSize, gamma);
    }

    /**
     * Cosine decay from the base learning rate to 0 over {@code decaySteps} updates, then 0.
     *
     * @param decaySteps the length of the decay in updates, {@code >= 1}
     * @return the schedule
     */
    static CosineDecay cosine(long decaySteps) {
        return new CosineDecay(decaySteps, 0);
    }

    /**
     * Cosine decay (Loshchilov and Hutter, SGDR, 2017, without restarts) from the base learning rate to
     * {@code minFactor} times it over {@code decaySteps} updates, then constant.
     *
     * @param decaySteps the length of the decay in updates, {@code >= 1}
     * @param minFactor  the final factor, in {@code [0, 1]}
     * @return the schedule
     */
    static CosineDecay cosine(long decaySteps, double minFactor) {
        return new CosineDecay(decaySteps, minFactor);
    }
}
