package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.OptimizerType;

/**
 * {@link Adam} as type {@code Adam}: configuration {@code learning_rate}, {@code beta1}, {@code beta2},
 * {@code epsilon}, and where set {@code weight_decay}, {@code clip_norm}, {@code schedule}; state {@code m} and
 * {@code v}, and the step count.
 */
public final class AdamType implements OptimizerType<Adam> {

    /** For {@link java.util.ServiceLoader}. */
    public AdamType() {
    }

    @Override
    public String name() {
        return "Adam";
    }

    @Override
    public Class<Adam> optimizerClass() {
        return Adam.class;
    }

    @Override
    public Config config(Adam optimizer) {
        return GradientDescentSettings.put(Config.builder().put("learning_rate", optimizer.learningRate())
                .put("beta1", optimizer.beta1()).put("beta2", optimizer.beta2()).put("epsilon", optimizer.epsilon()),
                optimizer).build();
    }

    @Override
    public Adam create(Config config) {
        config.requireOnly("learning_rate", "beta1", "beta2", "epsilon", GradientDescentSettings.WEIGHT_DECAY,
                GradientDescentSettings.CLIP_NORM, GradientDescentSettings.SCHEDULE);
        Adam.Builder b = Adam.builder(config.getDouble("learning_rate"))
                .betas(config.getDouble("beta1"), config.getDouble("beta2")).epsilon(config.getDouble("epsilon"));
        return GradientDescentSettings.read(config, b).build();
    }
}
