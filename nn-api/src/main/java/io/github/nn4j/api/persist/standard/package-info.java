/**
 * The {@link io.github.nn4j.api.persist.LayerType}s and {@link io.github.nn4j.api.persist.OptimizerType}s of nn4j's
 * standard layers and optimizers, registered in nn-api's {@code META-INF/services} exactly as a third party
 * registers its own. Users do not call them; they are public because {@link java.util.ServiceLoader} instantiates
 * them. Their names and configuration keys are part of the file format (see the README's "Model files").
 */
package io.github.nn4j.api.persist.standard;
