/**
 * Model files: {@link io.github.nn4j.api.persist.ModelFiles} saves a {@link io.github.nn4j.api.network.Network}
 * (and, for a training checkpoint, its optimizer's state and {@link io.github.nn4j.api.network.TrainingProgress}) as a
 * safetensors file and loads it onto any backend.
 *
 * <p>Layers and optimizers take part through the service-provider interfaces
 * {@link io.github.nn4j.api.persist.LayerType}, {@link io.github.nn4j.api.persist.OptimizerType} and
 * {@link io.github.nn4j.api.persist.ScheduleType} (learning-rate schedules inside an optimizer's configuration), found with
 * {@link java.util.ServiceLoader} as backends are; the standard ones register the same way
 * ({@link io.github.nn4j.api.persist.standard}).
 *
 * <p>Files are untrusted input. Loading checks the whole header (at most 100,000,000 bytes, strict JSON with bounded
 * nesting and size) and the architecture against the tensor table before it allocates anything, allocates no more
 * than the bytes present, verifies the data's CRC-32C, and reports every problem as a
 * {@link io.github.nn4j.api.persist.ModelFormatException} naming the source. Saving to a path writes a temporary file
 * in the same directory, syncs it to the device and renames it atomically over the target.
 */
package io.github.nn4j.api.persist;
