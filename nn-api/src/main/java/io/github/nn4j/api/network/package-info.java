/**
 * The sequential {@link io.github.nn4j.api.network.Network}, its training loop
 * ({@link io.github.nn4j.api.network.Network#fit}) configured by {@link io.github.nn4j.api.network.TrainingConfig},
 * observed through {@link io.github.nn4j.api.network.TrainingListener}, and summarised by
 * {@link io.github.nn4j.api.network.TrainingHistory}.
 */
package io.github.nn4j.api.network;
