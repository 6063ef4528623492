/**
 * Data sets for nn4j, independent of any backend implementation: labelled images held as compact bytes
 * ({@link io.github.nn4j.datasets.LabeledImages}) and turned into {@link io.github.nn4j.api.tensor.Tensor}s on
 * the backend of the caller's choice, one-hot targets ({@link io.github.nn4j.datasets.OneHot}), and a seeded
 * stratified train/validation split. MNIST is in {@link io.github.nn4j.datasets.mnist}.
 *
 * <p>The module depends on {@code nn-api} and SLF4J only, and is Apache-2.0 licensed.
 */
package io.github.nn4j.datasets;
