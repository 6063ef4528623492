package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.ActivationLayer;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.LayerType;
import io.github.nn4j.api.persist.ParameterSpec;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain {@link ActivationLayer} as type {@code Activation}: configuration {@code function}, the lower-case name of
 * an {@link Activation} ({@code identity}, {@code relu}, {@code sigmoid}, {@code tanh}); no parameters. The
 * subclasses {@code ReLU}, {@code Sigmoid} and {@code Tanh} have types of their own.
 */
public final class ActivationLayerType implements LayerType<ActivationLayer> {

    /** For {@link java.util.ServiceLoader}. */
    public ActivationLayerType() {
    }

    @Override
    public String name() {
        return "Activation";
    }

    @Override
    public Class<ActivationLayer> layerClass() {
        return ActivationLayer.class;
    }

    @Override
    public Config config(ActivationLayer layer) {
        return Config.builder().put("function", layer.function().name().toLowerCase(Locale.ROOT)).build();
    }

    @Override
    public List<ParameterSpec> parameters(Config config) {
        function(config);
        return List.of();
    }

    @Override
    public ActivationLayer create(Config config, Backend backend, DType dtype, List<Tensor> parameters) {
        return new ActivationLayer(function(config));
    }

    private static Activation function(Config config) {
        config.requireOnly("function");
        String name = config.getString("function");
        for (Activation a : Activation.values()) {
            if (a.name().toLowerCase(Locale.ROOT).equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation function \"" + name + "\"; known: "
                + Arrays.stream(Activation.values()).map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
    }
}
