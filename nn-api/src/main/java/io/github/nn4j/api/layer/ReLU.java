package io.github.nn4j.api.layer;

import io.github.nn4j.api.tensor.Activation;

/** Rectified linear unit {@code max(0, x)}; its derivative at 0 is taken as 0. See {@link ActivationLayer}. */
public final class ReLU extends ActivationLayer {
    /** A new ReLU layer. */
    public ReLU() {
        super(Activation.RELU);
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}
