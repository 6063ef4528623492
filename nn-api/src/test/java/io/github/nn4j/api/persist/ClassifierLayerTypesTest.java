package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Dropout;
import io.github.nn4j.api.layer.Normalization;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Softmax;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.persist.standard.DropoutType;
import io.github.nn4j.api.persist.standard.NormalizationType;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Dropout (rate and seed, as configuration) and Softmax in model files: round trip, and bad settings named. */
class ClassifierLayerTypesTest {
    private final Backend be = new ReferenceBackend();

    @Test
    void dropoutAndSoftmaxRoundTripWithTheirSettings() throws Exception {
        try (Network net = Network.of(new Normalization(0.25, 0.5),
                new Dense(be, DType.FLOAT32, 4, 6, WeightInit.HE_UNIFORM, 1), new ReLU(),
                new Dropout(0.4, -12345678901L), new Dense(be, DType.FLOAT32, 6, 3, WeightInit.XAVIER_UNIFORM, 2),
                new Softmax());
             Tensor x = be.randomUniform(DType.FLOAT32, Shape.of(5, 4), -1, 1, 3)) {
            byte[] bytes = ModelFiles.toBytes(net);
            ModelInfo info = ModelFiles.inspect(bytes, "classifier");
            assertThat(info.layers().get(0)).isEqualTo(new ModelInfo.Layer("Normalization",
                    Config.builder().put("mean", 0.25).put("std", 0.5).build()));
            assertThat(info.layers().get(3)).isEqualTo(new ModelInfo.Layer("Dropout",
                    Config.builder().put("rate", 0.4).put("seed", -12345678901L).build()));
            assertThat(info.layers().get(5)).isEqualTo(new ModelInfo.Layer("Softmax", Config.empty()));
            try (Network back = ModelFiles.fromBytes(bytes, be); Tensor p = net.predict(x); Tensor q = back.predict(x)) {
                assertThat(((Normalization) back.layers().get(0)).std()).isEqualTo(0.5);
                Dropout dropout = (Dropout) back.layers().get(3);
                assertThat(dropout.rate()).isEqualTo(0.4);
                assertThat(dropout.seed()).isEqualTo(-12345678901L);
                assertThat(back.layers().get(5)).isInstanceOf(Softmax.class);
                assertThat(q.toFloatArray()).containsExactly(p.toFloatArray());
            }
        }
    }

    @Test
    void badNormalizationSettingsAreNamed() {
        NormalizationType type = new NormalizationType();
        assertThatThrownBy(() -> type.parameters(Config.builder().put("mean", 0.0).put("std", 0.0).build()))
                .hasMessageContaining("positive finite standard deviation");
        assertThatThrownBy(() -> type.parameters(Config.builder().put("mean", 0.0).build()))
                .hasMessageContaining("'std'");
    }

    @Test
    void badDropoutSettingsAreNamed() {
        DropoutType type = new DropoutType();
        assertThatThrownBy(() -> type.parameters(Config.builder().put("rate", 1.0).put("seed", 1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate must be in [0, 1)");
        assertThatThrownBy(() -> type.parameters(Config.builder().put("rate", 0.5).build()))
                .hasMessageContaining("'seed' is missing");
        assertThatThrownBy(() -> type.parameters(Config.builder().put("rate", 0.5).put("seed", 1).put("mode", "x").build()))
                .hasMessageContaining("unknown config key 'mode'");
        assertThatThrownBy(() -> type.parameters(Config.builder().put("rate", 0.5).put("seed", 1.5).build()))
                .hasMessageContaining("'seed' must be an integer");
    }
}
