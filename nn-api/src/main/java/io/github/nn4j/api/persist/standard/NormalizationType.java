package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Normalization;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.LayerType;
import io.github.nn4j.api.persist.ParameterSpec;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;

/**
 * {@link Normalization} as type {@code Normalization}: configuration {@code mean} (finite) and {@code std} (positive,
 * finite); no parameters.
 */
public final class NormalizationType implements LayerType<Normalization> {

    /** For {@link java.util.ServiceLoader}. */
    public NormalizationType() {
    }

    @Override
    public String name() {
        return "Normalization";
    }

    @Override
    public Class<Normalization> layerClass() {
        return Normalization.class;
    }

    @Override
    public Config config(Normalization layer) {
        return Config.builder().put("mean", layer.mean()).put("std", layer.std()).build();
    }

    @Override
    public List<ParameterSpec> parameters(Config config) {
        layer(config);
        return List.of();
    }

    @Override
    public Normalization create(Config config, Backend backend, DType dtype, List<Tensor> parameters) {
        return layer(config);
    }

    private static Normalization layer(Config config) {
        config.requireOnly("mean", "std");
        return new Normalization(config.getDouble("mean"), config.getDouble("std"));
    }
}
