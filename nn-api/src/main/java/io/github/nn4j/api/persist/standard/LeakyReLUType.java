package io.github.nn4j.api.persist.standard;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.LeakyReLU;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.LayerType;
import io.github.nn4j.api.persist.ParameterSpec;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;

/** {@link LeakyReLU} as type {@code LeakyReLU}: configuration {@code alpha} (a finite number); no parameters. */
public final class LeakyReLUType implements LayerType<LeakyReLU> {

    /** For {@link java.util.ServiceLoader}. */
    public LeakyReLUType() {
    }

    @Override
    public String name() {
        return "LeakyReLU";
    }

    @Override
    public Class<LeakyReLU> layerClass() {
        return LeakyReLU.class;
    }

    @Override
    public Config config(LeakyReLU layer) {
        return Config.builder().put("alpha", layer.alpha()).build();
    }

    @Override
    public List<ParameterSpec> parameters(Config config) {
        alpha(config);
        return List.of();
    }

    @Override
    public LeakyReLU create(Config config, Backend backend, DType dtype, List<Tensor> parameters) {
        return new LeakyReLU(alpha(config));
    }

    private static double alpha(Config config) {
        config.requireOnly("alpha");
        double alpha = config.getDouble("alpha");
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("LeakyReLU: alpha must be finite, got " + alpha);
        }
        return alpha;
    }
}
