package io.github.nn4j.api.optim;

import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent {@code w ← w − lr · g}, optionally with classical momentum
 * {@code v ← μ·v − lr · g; w ← w + v}. Not thread-safe.
 *
 * <p>With the shared settings of {@link GradientDescent} ({@link #builder(double)}): {@code lr} is the scheduled
 * learning rate of the step, {@code g} the gradient scaled by the clipping factor, and weight decay {@code λ} is an L2
 * penalty {@code λ/2 · ‖w‖²} added to the loss, i.e. {@code λ·w} added to the gradient (PyTorch's {@code SGD}
 * {@code weight_decay}): {@code w ← (1 − lr·λ)·w − lr·g} without momentum,
 * {@code v ← μ·v − lr·g − lr·λ·w; w ← w + v} with it.
 */
public final class Sgd extends GradientDescent {
    private final double momentum;
    private final Map<Parameter, Tensor[]> velocity = new IdentityHashMap<>();

    /**
     * Plain SGD.
     *
     * @param learningRate the learning rate, positive and finite
     */
    public Sgd(double learningRate) {
        this(builder(learningRate));
    }

    /**
     * SGD with classical momentum.
     *
     * @param learningRate the learning rate, positive and finite
     * @param momentum     {@code μ} in {@code [0, 1)}
     */
    public Sgd(double learningRate, double momentum) {
        this(builder(learningRate).momentum(momentum));
    }

    private Sgd(Builder b) {
        super(b);
        double lr = b.learningRate();
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("Sgd: learning rate must be positive and finite, got " + lr);
        }
        if (!(b.momentum >= 0 && b.momentum < 1)) {
            throw new IllegalArgumentException("Sgd: momentum must be in [0, 1), got " + b.momentum);
        }
        this.momentum = b.momentum;
    }

    /**
     * A builder of SGD with every setting: momentum, weight decay, schedule, clipping.
     *
     * @param learningRate the base learning rate, positive and finite
     * @return the builder
     */
    public static Builder builder(double learningRate) {
        return new Builder(learningRate);
    }

    /**
     * The momentum.
     *
     * @return {@code μ}; 0 for plain SGD
     */
    public double momentum() {
        return momentum;
    }

    @Override
    protected void update(List<Parameter> parameters, double learningRate, double gradientScale, long step) {
        double decay = weightDecay();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Tensor w = p.value();
            if (momentum == 0) {
                if (decay != 0) {
                    w.backend().scalar(ScalarOp.MUL, w, 1 - learningRate * decay, w);
                }
                w.axpyi(-learningRate * gradientScale, p.gradient());
            } else {
                Tensor v = velocity(p);
                v.backend().scalar(ScalarOp.MUL, v, momentum, v);
                v.axpyi(-learningRate * gradientScale, p.gradient());
                if (decay != 0) {
                    v.axpyi(-learningRate * decay, w);
                }
                w.addi(v);
            }
        }
    }

    private Tensor velocity(Parameter p) {
        return velocity.computeIfAbsent(p, k -> new Tensor[] {
            k.value().backend().zeros(k.value().dtype(), k.value().shape())})[0];
    }

    /** {@code velocity} with momentum, nothing without. */
    @Override
    public List<String> stateNames() {
        return momentum == 0 ? List.of() : List.of("velocity");
    }

    @Override
    public Tensor state(Parameter parameter, String name) {
        if (!stateNames().contains(name)) {
            throw new IllegalArgumentException(this + " keeps no state named '" + name + "'; it keeps " + stateNames());
        }
        return velocity(parameter);
    }

    @Override
    protected void closeState() {
        closeAll(velocity.values());
        velocity.clear();
    }

    @Override
    public String toString() {
        return "Sgd(lr=" + learningRate() + (momentum == 0 ? "" : ", momentum=" + momentum) + sharedSettings() + ")";
    }

    /** Builds an {@link Sgd}. */
    public static final class Builder extends GradientDescent.Builder<Builder> {
        private double momentum;

        private Builder(double learningRate) {
            super(learningRate);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Classical momentum {@code μ} (default 0, plain SGD).
         *
         * @param momentum {@code μ} in {@code [0, 1)}
         * @return this builder
         */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /**
         * The optimizer.
         *
         * @return a new {@link Sgd} without state
         * @throws IllegalArgumentException when the learning rate or the momentum is out of range
         */
        public Sgd build() {
            return new Sgd(this);
        }
    }
}
