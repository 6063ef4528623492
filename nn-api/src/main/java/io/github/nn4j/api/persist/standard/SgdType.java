package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.OptimizerType;

/** {@link Sgd} as type {@code Sgd}: configuration {@code learning_rate}, {@code momentum}; state {@code velocity} with momentum. */
public final class SgdType implements OptimizerType<Sgd> {

    /** For {@link java.util.ServiceLoader}. */
    public SgdType() {
    }

    @Override
    public String name() {
        return "Sgd";
    }

    @Override
    public Class<Sgd> optimizerClass() {
        return Sgd.class;
    }

    @Override
    public Config config(Sgd optimizer) {
        return Config.builder().put("learning_rate", optimizer.learningRate()).put("momentum", optimizer.momentum())
                .build();
    }

    @Override
    public Sgd create(Config config) {
        config.requireOnly("learning_rate", "momentum");
        return new Sgd(config.getDouble("learning_rate"), config.getDouble("momentum"));
    }
}
