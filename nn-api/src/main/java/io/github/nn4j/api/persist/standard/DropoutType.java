package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dropout;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.LayerType;
import io.github.nn4j.api.persist.ParameterSpec;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;

/**
 * {@link Dropout} as type {@code Dropout}: configuration {@code rate} (in {@code [0, 1)}) and {@code seed} (an
 * integer); no parameters. The masks follow from the seed and the training step, so a checkpoint's training progress
 * and this configuration resume them exactly.
 */
public final class DropoutType implements LayerType<Dropout> {

    /** For {@link java.util.ServiceLoader}. */
    public DropoutType() {
    }

    @Override
    public String name() {
        return "Dropout";
    }

    @Override
    public Class<Dropout> layerClass() {
        return Dropout.class;
    }

    @Override
    public Config config(Dropout layer) {
        return Config.builder().put("rate", layer.rate()).put("seed", layer.seed()).build();
    }

    @Override
    public List<ParameterSpec> parameters(Config config) {
        layer(config);
        return List.of();
    }

    @Override
    public Dropout create(Config config, Backend backend, DType dtype, List<Tensor> parameters) {
        return layer(config);
    }

    private static Dropout layer(Config config) {
        config.requireOnly("rate", "seed");
        return new Dropout(config.getDouble("rate"), config.getLong("seed"));
    }
}
