package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.layer.Softmax;

/** {@link Softmax} as type {@code Softmax}: no configuration, no parameters. */
public final class SoftmaxType extends ParameterFreeLayerType<Softmax> {

    /** For {@link java.util.ServiceLoader}. */
    public SoftmaxType() {
        super("Softmax", Softmax.class, Softmax::new);
    }
}
