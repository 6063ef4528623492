/**
 * Optimizers: the {@link io.github.nn4j.api.optim.Optimizer} SPI; {@link io.github.nn4j.api.optim.Sgd} and
 * {@link io.github.nn4j.api.optim.Adam}, which share learning-rate schedules ({@link io.github.nn4j.api.optim.LearningRateSchedule}),
 * weight decay and gradient clipping through {@link io.github.nn4j.api.optim.GradientDescent}.
 */
package io.github.nn4j.api.optim;
