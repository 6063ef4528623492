package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.layer.Tanh;

/** {@link Tanh} as type {@code Tanh}: no configuration, no parameters. */
public final class TanhType extends ParameterFreeLayerType<Tanh> {

    /** For {@link java.util.ServiceLoader}. */
    public TanhType() {
        super("Tanh", Tanh.class, Tanh::new);
    }
}
