package io.github.nn4j.api.optim;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015) with bias correction:
 * {@code m ← β1·m + (1−β1)·g}, {@code v ← β2·v + (1−β2)·g²},
 * {@code w ← w − lr · m̂ / (sqrt(v̂) + ε)} with {@code m̂ = m/(1−β1^t)}, {@code v̂ = v/(1−β2^t)}.
 * Per parameter it keeps {@code m}, {@code v} and one scratch tensor. Not thread-safe.
 *
 * <p>With the shared settings of {@link GradientDescent} ({@link #builder(double)}): {@code lr} is the scheduled
 * learning rate of the step, {@code g} the gradient scaled by the clipping factor, and weight decay {@code λ} is
 * <em>decoupled</em> from the moments, as in AdamW (Loshchilov and Hutter, 2019), with PyTorch's {@code AdamW}
 * convention of scaling it by the learning rate: before the Adam update, {@code w ← (1 − lr·λ)·w}. An L2 penalty in
 * the gradient would instead be divided by {@code sqrt(v̂)}, which decays weights with large gradients least.
 */
public final class Adam extends GradientDescent {
    private static final List<String> STATE_NAMES = List.of("m", "v");
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Map<Parameter, Tensor[]> state = new IdentityHashMap<>();

    /**
     * Adam with the usual defaults β1 = 0.9, β2 = 0.999, ε = 1e-8.
     *
     * @param learningRate the learning rate, positive and finite
     */
    public Adam(double learningRate) {
        this(builder(learningRate));
    }

    /**
     * Adam with explicit hyper-parameters.
     *
     * @param learningRate the learning rate, positive and finite
     * @param beta1        the decay rate of the first moment, in {@code [0, 1)}
     * @param beta2        the decay rate of the second moment, in {@code [0, 1)}
     * @param epsilon      added to the denominator, positive
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(builder(learningRate).betas(beta1, beta2).epsilon(epsilon));
    }

    private Adam(Builder b) {
        super(b);
        double lr = b.learningRate();
        if (!(lr > 0) || Double.isInfinite(lr) || !(b.beta1 >= 0 && b.beta1 < 1) || !(b.beta2 >= 0 && b.beta2 < 1)
                || !(b.epsilon > 0)) {
            throw new IllegalArgumentException("Adam: need lr > 0, β1 and β2 in [0, 1), ε > 0; got lr=" + lr
                    + " β1=" + b.beta1 + " β2=" + b.beta2 + " ε=" + b.epsilon);
        }
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.epsilon = b.epsilon;
    }

    /**
     * A builder of Adam with every setting: β1, β2, ε, weight decay, schedule, clipping.
     *
     * @param learningRate the base learning rate, positive and finite
     * @return the builder
     */
    public static Builder builder(double learningRate) {
        return new Builder(learningRate);
    }

    /**
     * The decay rate of the first moment.
     *
     * @return β1
     */
    public double beta1() {
        return beta1;
    }

    /**
     * The decay rate of the second moment.
     *
     * @return β2
     */
    public double beta2() {
        return beta2;
    }

    /**
     * The constant added to the denominator.
     *
     * @return ε
     */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected void update(List<Parameter> parameters, double learningRate, double gradientScale, long t) {
        double stepSize = learningRate / (1 - Math.pow(beta1, t));
        double secondCorrection = 1 / Math.sqrt(1 - Math.pow(beta2, t));
        double decay = 1 - learningRate * weightDecay();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Tensor g = p.gradient();
            Backend be = g.backend();
            Tensor[] s = moments(p);
            Tensor m = s[0];
            Tensor v = s[1];
            Tensor scratch = s[2];
            be.scalar(ScalarOp.MUL, m, beta1, m);
            be.axpy((1 - beta1) * gradientScale, g, m);
            be.binary(BinaryOp.MUL, g, g, scratch);
            be.scalar(ScalarOp.MUL, v, beta2, v);
            be.axpy((1 - beta2) * gradientScale * gradientScale, scratch, v);
            be.unary(UnaryOp.SQRT, v, scratch);
            be.scalar(ScalarOp.MUL, scratch, secondCorrection, scratch);
            be.scalar(ScalarOp.ADD, scratch, epsilon, scratch);
            be.binary(BinaryOp.DIV, m, scratch, scratch);
            if (decay != 1) {
                be.scalar(ScalarOp.MUL, p.value(), decay, p.value());
            }
            be.axpy(-stepSize, scratch, p.value());
        }
    }

    /** {@code m}, {@code v} and a scratch tensor for {@code p}, created as zeros on first use. */
    private Tensor[] moments(Parameter p) {
        return state.computeIfAbsent(p, k -> {
            Tensor v = k.value();
            Backend be = v.backend();
            return new Tensor[] {be.zeros(v.dtype(), v.shape()), be.zeros(v.dtype(), v.shape()), be.zeros(v.dtype(), v.shape())};
        });
    }

    /** {@code m} (first moment) and {@code v} (second moment). */
    @Override
    public List<String> stateNames() {
        return STATE_NAMES;
    }

    @Override
    public Tensor state(Parameter parameter, String name) {
        int i = STATE_NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(this + " keeps no state named '" + name + "'; it keeps " + STATE_NAMES);
        }
        return moments(parameter)[i];
    }

    @Override
    protected void closeState() {
        closeAll(state.values());
        state.clear();
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate() + ", β1=" + beta1 + ", β2=" + beta2 + ", ε=" + epsilon + sharedSettings() + ")";
    }

    /** Builds an {@link Adam}. */
    public static final class Builder extends GradientDescent.Builder<Builder> {
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;

        private Builder(double learningRate) {
            super(learningRate);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * The moments' decay rates (defaults 0.9 and 0.999).
         *
         * @param beta1 β1 in {@code [0, 1)}
         * @param beta2 β2 in {@code [0, 1)}
         * @return this builder
         */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /**
         * The constant added to the denominator (default 1e-8).
         *
         * @param epsilon ε, positive
         * @return this builder
         */
        public Builder epsilon(double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /**
         * The optimizer.
         *
         * @return a new {@link Adam} without state
         * @throws IllegalArgumentException when a hyper-parameter is out of range
         */
        public Adam build() {
            return new Adam(this);
        }
    }
}
