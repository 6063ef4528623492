package io.github.nn4j.api.persist;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;

/**
 * The {@link LayerType} of the test layer {@link ShiftLayer}, registered in the test sources'
 * {@code META-INF/services} exactly as a third party would register its own.
 */
public final class ShiftLayerType implements LayerType<ShiftLayer> {

    /** For {@link java.util.ServiceLoader}. */
    public ShiftLayerType() {
    }

    @Override
    public String name() {
        return "nn4j.test.Shift";
    }

    @Override
    public Class<ShiftLayer> layerClass() {
        return ShiftLayer.class;
    }

    @Override
    public Config config(ShiftLayer layer) {
        return Config.builder().put("features", layer.parameters().get(0).value().cols()).build();
    }

    @Override
    public List<ParameterSpec> parameters(Config config) {
        config.requireOnly("features");
        return List.of(new ParameterSpec("shift", Shape.matrix(1, config.getInt("features"))));
    }

    @Override
    public ShiftLayer create(Config config, Backend backend, DType dtype, List<Tensor> parameters) {
        return new ShiftLayer(parameters.get(0));
    }
}
