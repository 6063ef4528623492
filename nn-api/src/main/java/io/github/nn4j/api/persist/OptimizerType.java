package io.github.nn4j.api.persist;

import io.github.nn4j.api.optim.Optimizer;

/**
 * Service-provider interface through which a kind of {@link Optimizer} takes part in checkpoints: it names
 * itself, describes an optimizer's hyper-parameters and rebuilds an optimizer from them. Registered like
 * {@link LayerType}, in {@code META-INF/services/io.github.nn4j.api.persist.OptimizerType}; {@code Sgd} and
 * {@code Adam} register this way.
 *
 * <p>The optimizer's state is not part of the configuration: the checkpoint stores the tensors the optimizer lists
 * in {@link Optimizer#stateNames()} for every parameter and its {@link Optimizer#steps()}, and restores them into
 * the optimizer {@link #create} returns. Names are unique and stable, as for layer types. Implementations are
 * stateless and thread-safe.
 *
 * @param <O> the optimizer class
 */
public interface OptimizerType<O extends Optimizer> {

    /** {@return the type name stored in files, e.g. {@code "Adam"}} */
    String name();

    /** {@return the exact class of the optimizers this type saves} */
    Class<O> optimizerClass();

    /**
     * {@return the hyper-parameters of {@code optimizer}}
     *
     * @param optimizer an optimizer of {@link #optimizerClass()}
     */
    Config config(O optimizer);

    /**
     * {@return a new optimizer with these hyper-parameters and no state}
     *
     * @param config the hyper-parameters
     * @throws IllegalArgumentException when {@code config} is not a valid configuration of this type
     */
    O create(Config config);
}
