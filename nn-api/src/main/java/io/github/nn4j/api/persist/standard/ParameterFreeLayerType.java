package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.LayerType;
import io.github.nn4j.api.persist.ParameterSpec;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;
import java.util.function.Supplier;

/**
 * The type of a layer without parameters or configuration, such as {@code ReLU}: it is saved as its name alone
 * and rebuilt with its no-argument constructor. A configuration with keys is rejected, so that a file written by
 * a later version that added settings does not load with the settings silently dropped.
 *
 * @param <L> the layer class
 */
abstract class ParameterFreeLayerType<L extends Layer> implements LayerType<L> {
    private final String name;
    private final Class<L> layerClass;
    private final Supplier<L> constructor;

    ParameterFreeLayerType(String name, Class<L> layerClass, Supplier<L> constructor) {
        this.name = name;
        this.layerClass = layerClass;
        this.constructor = constructor;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<L> layerClass() {
        return layerClass;
    }

    @Override
    public final Config config(L layer) {
        return Config.empty();
    }

    @Override
    public final List<ParameterSpec> parameters(Config config) {
        config.requireOnly();
        return List.of();
    }

    @Override
    public final L create(Config config, Backend backend, DType dtype, List<Tensor> parameters) {
        parameters(config);
        return constructor.get();
    }
}
