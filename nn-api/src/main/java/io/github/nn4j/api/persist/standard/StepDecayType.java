package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.optim.StepDecay;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.ScheduleType;

/** {@link StepDecay} as schedule type {@code StepDecay}: configuration {@code step_size}, {@code gamma}. */
public final class StepDecayType implements ScheduleType<StepDecay> {

    /** For {@link java.util.ServiceLoader}. */
    public StepDecayType() {
    }

    @Override
    public String name() {
        return "StepDecay";
    }

    @Override
    public Class<StepDecay> scheduleClass() {
        return StepDecay.class;
    }

    @Override
    public Config config(StepDecay schedule) {
        return Config.builder().put("step_size", schedule.stepSize()).put("gamma", schedule.gamma()).build();
    }

    @Override
    public StepDecay create(Config config) {
        config.requireOnly("step_size", "gamma");
        return new StepDecay(config.getLong("step_size"), config.getDouble("gamma"));
    }
}
