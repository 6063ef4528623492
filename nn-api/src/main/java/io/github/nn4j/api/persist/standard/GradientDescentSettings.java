package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.optim.GradientDescent;
import io.github.nn4j.api.optim.LearningRateSchedule;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.ScheduleType;

/**
 * The configuration keys {@link GradientDescent}'s optimizers share: {@code weight_decay}, {@code clip_norm} and
 * {@code schedule} (a {@link ScheduleType} configuration). Each is written only when it differs from its default (no
 * decay, no clipping, constant rate), so a file of an optimizer without them is what earlier versions wrote and read,
 * and a missing key reads as the default.
 */
final class GradientDescentSettings {
    static final String WEIGHT_DECAY = "weight_decay";
    static final String CLIP_NORM = "clip_norm";
    static final String SCHEDULE = "schedule";

    private GradientDescentSettings() {
    }

    /** Adds {@code optimizer}'s shared settings that are not at their defaults. */
    static Config.Builder put(Config.Builder config, GradientDescent optimizer) {
        if (optimizer.weightDecay() != 0) {
            config.put(WEIGHT_DECAY, optimizer.weightDecay());
        }
        if (optimizer.clipsGradients()) {
            config.put(CLIP_NORM, optimizer.clipNorm());
        }
        if (optimizer.schedule() != LearningRateSchedule.constant()) {
            config.put(SCHEDULE, ScheduleType.toConfig(optimizer.schedule()));
        }
        return config;
    }

    /** Sets the shared settings present in {@code config} on {@code builder}. */
    static <B extends GradientDescent.Builder<B>> B read(Config config, B builder) {
        if (config.has(WEIGHT_DECAY)) {
            builder.weightDecay(config.getDouble(WEIGHT_DECAY));
        }
        if (config.has(CLIP_NORM)) {
            builder.clipNorm(config.getDouble(CLIP_NORM));
        }
        if (config.has(SCHEDULE)) {
            builder.schedule(ScheduleType.fromConfig(config.getConfig(SCHEDULE)));
        }
        return builder;
    }
}
