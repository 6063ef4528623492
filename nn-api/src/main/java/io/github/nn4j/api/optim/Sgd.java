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
 */
public final class Sgd implements Optimizer {
    private final double learningRate;
    private final double momentum;
    private final Map<Parameter, Tensor> velocity = new IdentityHashMap<>();
    private long steps;

    /**
     * Plain SGD with the given learning rate.
     *
     * @param learningRate the learning rate, positive
     */
    public Sgd(double learningRate) {
        this(learningRate, 0.0);
    }

    /**
     * SGD with momentum {@code μ} in {@code [0, 1)}.
     *
     * @param learningRate the learning rate, positive
     * @param momentum the momentum μ, in [0, 1)
     */
    public Sgd(double learningRate, double momentum) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Sgd: learning rate must be positive and finite, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Sgd: momentum must be in [0, 1), got " + momentum);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    /** {@return the learning rate} */
    public double learningRate() {
        return learningRate;
    }

    /** {@return the momentum {@code μ}; 0 for plain SGD} */
    public double momentum() {
        return momentum;
    }

    @Override
    public void step(List<Parameter> parameters) {
        steps++;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (momentum == 0) {
                p.value().axpyi(-learningRate, p.gradient());
            } else {
                Tensor v = velocity(p);
                v.backend().scalar(ScalarOp.MUL, v, momentum, v);
                v.axpyi(-learningRate, p.gradient());
                p.value().addi(v);
            }
        }
    }

    private Tensor velocity(Parameter p) {
        return velocity.computeIfAbsent(p, k -> k.value().backend().zeros(k.value().dtype(), k.value().shape()));
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

    /** Steps taken; the update does not depend on it. */
    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void setSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("Sgd: step count must be >= 0, got " + steps);
        }
        this.steps = steps;
    }

    @Override
    public void close() {
        velocity.values().forEach(Tensor::close);
        velocity.clear();
        steps = 0;
    }

    @Override
    public String toString() {
        return momentum == 0 ? "Sgd(lr=" + learningRate + ")" : "Sgd(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}
