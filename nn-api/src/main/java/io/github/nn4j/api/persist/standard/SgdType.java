package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.OptimizerType;

/**
 * {@link Sgd} as type {@code Sgd}: configuration {@code learning_rate}, {@code momentum}, and where set
 * {@code weight_decay}, {@code clip_norm}, {@code schedule}; state {@code velocity} with momentum.
 */
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
        return GradientDescentSettings.put(Config.builder().put("learning_rate", optimizer.learningRate())
                .put("momentum", optimizer.momentum()), optimizer).build();
    }

    @Override
    public Sgd create(Config config) {
        config.requireOnly("learning_rate", "momentum", GradientDescentSettings.WEIGHT_DECAY,
                GradientDescentSettings.CLIP_NORM, GradientDescentSettings.SCHEDULE);
        Sgd.Builder b = Sgd.builder(config.getDouble("learning_rate")).momentum(config.getDouble("momentum"));
        return GradientDescentSettings.read(config, b).build();
    }
}
