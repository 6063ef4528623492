package io.github.nn4j.api.layer;

import io.github.nn4j.api.tensor.Activation;

/** Logistic sigmoid {@code 1 / (1 + exp(-x))}, computed without overflow for large {@code |x|}. See {@link ActivationLayer}. */
public final class Sigmoid extends ActivationLayer {
    /** A new Sigmoid layer. */
    public Sigmoid() {
        super(Activation.SIGMOID);
    }

    @Override
    public String toString() {
        return "Sigmoid";
    }
}
