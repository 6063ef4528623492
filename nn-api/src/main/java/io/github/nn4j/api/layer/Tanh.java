package io.github.nn4j.api.layer;

import io.github.nn4j.api.tensor.Activation;

/** Hyperbolic tangent. See {@link ActivationLayer}. */
public final class Tanh extends ActivationLayer {
    /** A new Tanh layer. */
    public Tanh() {
        super(Activation.TANH);
    }

    @Override
    public String toString() {
        return "Tanh";
    }
}
