package io.github.nn4j.api.persist;

import io.github.nn4j.api.optim.LearningRateSchedule;

/**
 * Service-provider interface through which a kind of {@link LearningRateSchedule} takes part in checkpoints, as
 * {@link OptimizerType} does for optimizers: it names itself, describes a schedule's settings and rebuilds it.
 * Registered in {@code META-INF/services/io.github.nn4j.api.persist.ScheduleType}; the standard {@code StepDecay} and
 * {@code CosineDecay} register this way. Names are unique and stable. Implementations are stateless and thread-safe.
 *
 * <p>An {@link OptimizerType} stores its optimizer's schedule as a nested configuration written by
 * {@link #toConfig(LearningRateSchedule)} and read by {@link #fromConfig(Config)}: {@code {"type": "CosineDecay",
 * "config": {"decay_steps": 8750, "min_factor": 0.0}}}.
 *
 * @param <S> the schedule class
 */
public interface ScheduleType<S extends LearningRateSchedule> {

    /**
     * The type name stored in files.
     *
     * @return a unique, stable name such as {@code "CosineDecay"}
     */
    String name();

    /**
     * The exact class of the schedules this type saves.
     *
     * @return the class
     */
    Class<S> scheduleClass();

    /**
     * The settings of {@code schedule}.
     *
     * @param schedule a schedule of {@link #scheduleClass()}
     * @return its configuration
     */
    Config config(S schedule);

    /**
     * A schedule with these settings.
     *
     * @param config a configuration written by {@link #config}
     * @return the schedule
     * @throws IllegalArgumentException when {@code config} is not a valid configuration of this type
     */
    S create(Config config);

    /**
     * The nested configuration of {@code schedule} ({@code type} and {@code config}) through its registered type.
     *
     * @param schedule any schedule whose class has a registered {@code ScheduleType}
     * @return its configuration, for an optimizer's configuration
     * @throws IllegalArgumentException when no type is registered for the schedule's class
     */
    @SuppressWarnings("unchecked")
    static Config toConfig(LearningRateSchedule schedule) {
        ScheduleType<LearningRateSchedule> type =
                (ScheduleType<LearningRateSchedule>) TypeRegistry.get().scheduleTypeFor(schedule.getClass());
        if (type == null) {
            throw new IllegalArgumentException("cannot save the schedule " + schedule + ": no ScheduleType is registered"
                    + " for " + schedule.getClass().getName() + "; implement io.github.nn4j.api.persist.ScheduleType"
                    + " for it and list the implementation in META-INF/services/io.github.nn4j.api.persist.ScheduleType");
        }
        return Config.builder().put("type", type.name()).put("config", type.config(schedule)).build();
    }

    /**
     * The schedule a configuration written by {@link #toConfig} describes.
     *
     * @param config {@code {"type": ..., "config": {...}}}
     * @return the schedule
     * @throws IllegalArgumentException when the configuration is malformed, names no registered type, or is not valid
     *                                  for its type
     */
    static LearningRateSchedule fromConfig(Config config) {
        config.requireOnly("type", "config");
        String name = config.getString("type");
        ScheduleType<?> type = TypeRegistry.get().scheduleType(name);
        if (type == null) {
            throw new IllegalArgumentException("the schedule has type \"" + name + "\", which no registered ScheduleType"
                    + " provides (registered: " + String.join(", ", TypeRegistry.get().scheduleTypeNames()) + ")");
        }
        return type.create(config.getConfig("config"));
    }
}
