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
 */
public final class Adam implements Optimizer {
    private static final List<String> STATE_NAMES = List.of("m", "v");
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Map<Parameter, Tensor[]> state = new IdentityHashMap<>();
    private long t;

    /**
     * Adam with the usual defaults β1 = 0.9, β2 = 0.999, ε = 1e-8.
     *
     * @param learningRate the learning rate, positive
     */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    /**
     * Adam with explicit hyper-parameters.
     *
     * @param learningRate the learning rate, positive
     * @param beta1 the decay rate β1 of the first moment, in [0, 1)
     * @param beta2 the decay rate β2 of the second moment, in [0, 1)
     * @param epsilon the ε added to the denominator, positive
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam: need lr > 0, β1 and β2 in [0, 1), ε > 0; got lr=" + learningRate
                    + " β1=" + beta1 + " β2=" + beta2 + " ε=" + epsilon);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** {@return the learning rate} */
    public double learningRate() {
        return learningRate;
    }

    /** {@return the decay rate β1 of the first moment} */
    public double beta1() {
        return beta1;
    }

    /** {@return the decay rate β2 of the second moment} */
    public double beta2() {
        return beta2;
    }

    /** {@return the ε added to the denominator} */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public void step(List<Parameter> parameters) {
        t++;
        double stepSize = learningRate / (1 - Math.pow(beta1, t));
        double secondCorrection = 1 / Math.sqrt(1 - Math.pow(beta2, t));
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Tensor g = p.gradient();
            Backend be = g.backend();
            Tensor[] s = moments(p);
            Tensor m = s[0];
            Tensor v = s[1];
            Tensor scratch = s[2];
            be.scalar(ScalarOp.MUL, m, beta1, m);
            be.axpy(1 - beta1, g, m);
            be.binary(BinaryOp.MUL, g, g, scratch);
            be.scalar(ScalarOp.MUL, v, beta2, v);
            be.axpy(1 - beta2, scratch, v);
            be.unary(UnaryOp.SQRT, v, scratch);
            be.scalar(ScalarOp.MUL, scratch, secondCorrection, scratch);
            be.scalar(ScalarOp.ADD, scratch, epsilon, scratch);
            be.binary(BinaryOp.DIV, m, scratch, scratch);
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

    /** The step counter {@code t} of the bias correction. */
    @Override
    public long steps() {
        return t;
    }

    @Override
    public void setSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("Adam: step count must be >= 0, got " + steps);
        }
        this.t = steps;
    }

    @Override
    public void close() {
        for (Tensor[] s : state.values()) {
            for (Tensor x : s) {
                x.close();
            }
        }
        state.clear();
        t = 0;
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate + ", β1=" + beta1 + ", β2=" + beta2 + ", ε=" + epsilon + ")";
    }
}
