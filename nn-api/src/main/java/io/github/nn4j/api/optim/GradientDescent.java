package io.github.nn4j.api.optim;

import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * The base of {@link Sgd} and {@link Adam}: what every update of theirs shares, so that each optimizer only
 * describes its own rule ({@link #update}).
 *
 * <ul>
 *   <li><b>Learning-rate schedule</b> ({@link LearningRateSchedule}): update {@code t} (counted from 0) uses
 *       {@code lr_t = learningRate · schedule.factor(t)}. The step count is checkpointed, so a resumed run continues
 *       the schedule exactly.</li>
 *   <li><b>Weight decay</b> {@code λ}: how each optimizer applies it is part of its rule (SGD as an L2 penalty,
 *       Adam decoupled, as AdamW); it applies to every parameter, biases included (as PyTorch's
 *       {@code weight_decay}), and the loss {@code fit} reports does not include it.</li>
 *   <li><b>Gradient clipping by global norm</b> {@code c}: when the Euclidean norm of all the parameters' gradients
 *       together, {@code ‖g‖ = sqrt(Σ_p Σ_i g_pi²)}, exceeds {@code c}, the update uses the gradients scaled by
 *       {@code c / ‖g‖} (Pascanu et al., 2013; Keras' {@code global_clipnorm}). The scale enters the update as a
 *       factor: the gradient tensors themselves are not changed, so a listener still reads the true gradients.</li>
 * </ul>
 *
 * <p>Call order, state and checkpoints as for {@link Optimizer}. Not thread-safe.
 */
public abstract class GradientDescent implements Optimizer {
    private final double learningRate;
    private final LearningRateSchedule schedule;
    private final double weightDecay;
    private final double clipNorm;
    private long steps;

    /**
     * An optimizer with the builder's shared settings.
     *
     * @param settings the learning rate, schedule, weight decay and clipping norm
     */
    protected GradientDescent(Builder<?> settings) {
        this.learningRate = settings.learningRate;
        this.schedule = settings.schedule;
        this.weightDecay = settings.weightDecay;
        this.clipNorm = settings.clipNorm;
    }

    /**
     * The base learning rate, before the schedule.
     *
     * @return the learning rate given to the builder or constructor
     */
    public final double learningRate() {
        return learningRate;
    }

    /**
     * The learning-rate schedule.
     *
     * @return the schedule; {@link LearningRateSchedule#constant()} when none was set
     */
    public final LearningRateSchedule schedule() {
        return schedule;
    }

    /**
     * The learning rate the next update will use: {@code learningRate() · schedule().factor(steps())}.
     *
     * @return the scheduled learning rate of the next step
     */
    public final double currentLearningRate() {
        return learningRate * schedule.factor(steps);
    }

    /**
     * The weight decay {@code λ}.
     *
     * @return {@code λ >= 0}; 0 when there is none
     */
    public final double weightDecay() {
        return weightDecay;
    }

    /**
     * The largest global gradient norm an update uses unscaled.
     *
     * @return the norm, or {@code Double.POSITIVE_INFINITY} when gradients are not clipped
     */
    public final double clipNorm() {
        return clipNorm;
    }

    /**
     * Whether gradients are clipped by their global norm.
     *
     * @return {@code true} when a finite {@link #clipNorm()} was set
     */
    public final boolean clipsGradients() {
        return clipNorm != Double.POSITIVE_INFINITY;
    }

    /**
     * Applies one update: the scheduled learning rate and, with clipping, the gradients' scale, then
     * {@link #update}.
     *
     * @throws IllegalStateException when the schedule gives a negative or non-finite factor
     */
    @Override
    public final void step(List<Parameter> parameters) {
        double factor = schedule.factor(steps);
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalStateException(this + ": the schedule " + schedule + " gave the factor " + factor
                    + " for step " + steps + "; factors must be finite and >= 0");
        }
        double scale = clipsGradients() ? clipScale(parameters) : 1;
        steps++;
        update(parameters, learningRate * factor, scale, steps);
    }

    /** {@code min(1, c / ‖g‖)}, with the squares summed in double by the backends' reductions. */
    private double clipScale(List<Parameter> parameters) {
        double sumOfSquares = 0;
        for (int i = 0; i < parameters.size(); i++) {
            sumOfSquares += parameters.get(i).gradient().sumOfSquares();
        }
        double norm = Math.sqrt(sumOfSquares);
        return norm > clipNorm ? clipNorm / norm : 1;
    }

    /**
     * This optimizer's rule: updates every parameter in place from its gradient.
     *
     * @param parameters    the parameters, in the same order at every step
     * @param learningRate  the scheduled learning rate of this update
     * @param gradientScale the factor of every gradient: 1, or {@code c / ‖g‖} when clipping applies
     * @param step          the number of this update, counted from 1 (Adam's bias correction uses it)
     */
    protected abstract void update(List<Parameter> parameters, double learningRate, double gradientScale, long step);

    /** The number of updates taken; the schedule (and Adam's bias correction) depend on it. */
    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public final void setSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": step count must be >= 0, got " + steps);
        }
        this.steps = steps;
    }

    /** Frees the per-parameter state and resets the step count. */
    @Override
    public void close() {
        closeState();
        steps = 0;
    }

    /** Frees the per-parameter state (velocity, moments); {@link #close()} calls it. */
    protected abstract void closeState();

    /**
     * The shared settings for {@link #toString()}, e.g. {@code ", weight decay=1.0E-4, clip norm=5.0"}; empty when
     * all are at their defaults.
     *
     * @return the non-default shared settings, each preceded by {@code ", "}
     */
    protected final String sharedSettings() {
        StringBuilder sb = new StringBuilder();
        if (weightDecay != 0) {
            sb.append(", weight decay=").append(weightDecay);
        }
        if (clipsGradients()) {
            sb.append(", clip norm=").append(clipNorm);
        }
        if (schedule != LearningRateSchedule.constant()) {
            sb.append(", ").append(schedule);
        }
        return sb.toString();
    }

    /** Frees every tensor of {@code state}; for {@link #closeState()}. */
    static void closeAll(Iterable<Tensor[]> state) {
        for (Tensor[] tensors : state) {
            for (Tensor t : tensors) {
                t.close();
            }
        }
    }

    /**
     * The settings every {@link GradientDescent} optimizer shares.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        private final double learningRate;
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private double weightDecay;
        private double clipNorm = Double.POSITIVE_INFINITY;

        /**
         * A builder with the base learning rate; the optimizer checks its range.
         *
         * @param learningRate the base learning rate
         */
        protected Builder(double learningRate) {
            this.learningRate = learningRate;
        }

        /**
         * The base learning rate.
         *
         * @return the learning rate given to the constructor
         */
        protected final double learningRate() {
            return learningRate;
        }

        /**
         * This builder, typed.
         *
         * @return {@code this}
         */
        protected abstract B self();

        /**
         * The learning-rate schedule (default {@link LearningRateSchedule#constant()}).
         *
         * @param schedule the schedule
         * @return this builder
         */
        public final B schedule(LearningRateSchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return self();
        }

        /**
         * The weight decay {@code λ} (default 0, none); see the optimizer for how it applies.
         *
         * @param weightDecay {@code λ}, finite and {@code >= 0}
         * @return this builder
         */
        public final B weightDecay(double weightDecay) {
            if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
                throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
            }
            this.weightDecay = weightDecay;
            return self();
        }

        /**
         * Clips the gradients by their global norm: an update whose gradients have a norm above {@code maxNorm} uses
         * them scaled to that norm (default: no clipping).
         *
         * @param maxNorm the largest global norm, positive and finite
         * @return this builder
         */
        public final B clipNorm(double maxNorm) {
            if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
                throw new IllegalArgumentException("the clipping norm must be positive and finite, got " + maxNorm);
            }
            this.clipNorm = maxNorm;
            return self();
        }
    }
}
