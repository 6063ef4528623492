/**
 * The {@link io.github.nn4j.api.persist.LayerType}s, {@link io.github.nn4j.api.persist.OptimizerType}s and
 * {@link io.github.nn4j.api.persist.ScheduleType}s of nn4j's standard layers, optimizers and schedules, registered in nn-api's {@code META-INF/services} exactly as a third party
 * registers its own. Users do not call them; they are public because {@link java.util.ServiceLoader} instantiates
 * them. Their names and configuration keys are part of the file format (see the README's "Model files").
 */
package io.github.nn4j.api.persist.standard;
