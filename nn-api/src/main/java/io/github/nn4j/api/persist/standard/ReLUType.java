package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.layer.ReLU;

/** {@link ReLU} as type {@code ReLU}: no configuration, no parameters. */
public final class ReLUType extends ParameterFreeLayerType<ReLU> {

    /** For {@link java.util.ServiceLoader}. */
    public ReLUType() {
        super("ReLU", ReLU.class, ReLU::new);
    }
}
