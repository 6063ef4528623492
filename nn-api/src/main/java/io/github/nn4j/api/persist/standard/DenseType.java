package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.LayerType;
import io.github.nn4j.api.persist.ParameterSpec;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;

/**
 * {@link Dense} as type {@code Dense}: configuration {@code inputs} and {@code outputs} (positive integers);
 * parameters {@code weight} {@code [inputs, outputs]} and {@code bias} {@code [1, outputs]}.
 */
public final class DenseType implements LayerType<Dense> {

    /** For {@link java.util.ServiceLoader}. */
    public DenseType() {
    }

    @Override
    public String name() {
        return "Dense";
    }

    @Override
    public Class<Dense> layerClass() {
        return Dense.class;
    }

    @Override
    public Config config(Dense layer) {
        return Config.builder().put("inputs", layer.inputs()).put("outputs", layer.outputs()).build();
    }

    @Override
    public List<ParameterSpec> parameters(Config config) {
        config.requireOnly("inputs", "outputs");
        int inputs = config.getInt("inputs");
        int outputs = config.getInt("outputs");
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("inputs and outputs must be positive, got " + inputs + " and " + outputs);
        }
        return List.of(new ParameterSpec("weight", Shape.matrix(inputs, outputs)),
                new ParameterSpec("bias", Shape.matrix(1, outputs)));
    }

    @Override
    public Dense create(Config config, Backend backend, DType dtype, List<Tensor> parameters) {
        return new Dense(parameters.get(0), parameters.get(1));
    }
}
