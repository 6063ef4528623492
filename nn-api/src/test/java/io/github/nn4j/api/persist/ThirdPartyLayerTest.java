package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** A layer from outside nn-api, registered through META-INF/services, saves and loads like a standard one. */
class ThirdPartyLayerTest {
    private final Backend be = new ReferenceBackend();

    @Test
    void aRegisteredThirdPartyLayerRoundTrips() throws Exception {
        try (Network net = Network.of(new Dense(be, DType.FLOAT32, 3, 4, WeightInit.HE_UNIFORM, 1),
                new ShiftLayer(be.fromArray(new float[] {0.5f, -1, 2, 0.25f}, Shape.of(1, 4))), new Sigmoid());
             Tensor x = be.randomUniform(DType.FLOAT32, Shape.of(6, 3), -1, 1, 2)) {
            byte[] bytes = ModelFiles.toBytes(net);
            ModelInfo info = ModelFiles.inspect(bytes, "third-party");
            assertThat(info.layers().get(1)).isEqualTo(new ModelInfo.Layer("nn4j.test.Shift",
                    Config.builder().put("features", 4).build()));
            assertThat(info.tensors()).extracting(TensorInfo::name).contains("layers.1.shift");
            try (Network back = ModelFiles.fromBytes(bytes, be); Tensor p = net.predict(x); Tensor q = back.predict(x)) {
                assertThat(back.layers().get(1)).isInstanceOf(ShiftLayer.class);
                assertThat(back.parameters().get(2).value().toFloatArray()).containsExactly(0.5f, -1, 2, 0.25f);
                assertThat(q.toFloatArray()).containsExactly(p.toFloatArray());
            }
        }
    }
}
