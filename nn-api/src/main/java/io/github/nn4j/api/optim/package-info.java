/** Optimizers: the {@link io.github.nn4j.api.optim.Optimizer} SPI, {@link io.github.nn4j.api.optim.Sgd} and {@link io.github.nn4j.api.optim.Adam}. */
package io.github.nn4j.api.optim;
