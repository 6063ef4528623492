package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.optim.ConstantLearningRate;
import io.github.nn4j.api.optim.LearningRateSchedule;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.ScheduleType;

/**
 * {@link ConstantLearningRate} as schedule type {@code Constant}: no configuration. The standard optimizers' types
 * leave a constant schedule out of their configuration; this type lets any {@link ScheduleType#toConfig} caller save
 * it.
 */
public final class ConstantLearningRateType implements ScheduleType<ConstantLearningRate> {

    /** For {@link java.util.ServiceLoader}. */
    public ConstantLearningRateType() {
    }

    @Override
    public String name() {
        return "Constant";
    }

    @Override
    public Class<ConstantLearningRate> scheduleClass() {
        return ConstantLearningRate.class;
    }

    @Override
    public Config config(ConstantLearningRate schedule) {
        return Config.empty();
    }

    @Override
    public ConstantLearningRate create(Config config) {
        config.requireOnly();
        return (ConstantLearningRate) LearningRateSchedule.constant();
    }
}
