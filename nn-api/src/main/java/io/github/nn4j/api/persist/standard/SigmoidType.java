package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.layer.Sigmoid;

/** {@link Sigmoid} as type {@code Sigmoid}: no configuration, no parameters. */
public final class SigmoidType extends ParameterFreeLayerType<Sigmoid> {

    /** For {@link java.util.ServiceLoader}. */
    public SigmoidType() {
        super("Sigmoid", Sigmoid.class, Sigmoid::new);
    }
}
