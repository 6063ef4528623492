package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.optim.CosineDecay;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.ScheduleType;

/** {@link CosineDecay} as schedule type {@code CosineDecay}: configuration {@code decay_steps}, {@code min_factor}. */
public final class CosineDecayType implements ScheduleType<CosineDecay> {

    /** For {@link java.util.ServiceLoader}. */
    public CosineDecayType() {
    }

    @Override
    public String name() {
        return "CosineDecay";
    }

    @Override
    public Class<CosineDecay> scheduleClass() {
        return CosineDecay.class;
    }

    @Override
    public Config config(CosineDecay schedule) {
        return Config.builder().put("decay_steps", schedule.decaySteps()).put("min_factor", schedule.minFactor())
                .build();
    }

    @Override
    public CosineDecay create(Config config) {
        config.requireOnly("decay_steps", "min_factor");
        return new CosineDecay(config.getLong("decay_steps"), config.getDouble("min_factor"));
    }
}
