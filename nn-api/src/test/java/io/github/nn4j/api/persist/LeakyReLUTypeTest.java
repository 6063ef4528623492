package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.LeakyReLU;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** A network with LeakyReLU saves its slope and loads back to the same predictions; bad slopes are named. */
class LeakyReLUTypeTest {
    private final Backend be = new ReferenceBackend();

    @Test
    void roundTripsWithItsSlope() throws Exception {
        try (Network net = Network.of(new Dense(be, DType.FLOAT64, 3, 4, WeightInit.HE_UNIFORM, 1), new LeakyReLU(0.2),
                new Dense(be, DType.FLOAT64, 4, 2, WeightInit.XAVIER_UNIFORM, 2), new LeakyReLU());
             Tensor x = be.randomUniform(DType.FLOAT64, Shape.of(6, 3), -1, 1, 3)) {
            byte[] bytes = ModelFiles.toBytes(net);
            ModelInfo info = ModelFiles.inspect(bytes, "leaky");
            assertThat(info.layers().get(1)).isEqualTo(new ModelInfo.Layer("LeakyReLU",
                    Config.builder().put("alpha", 0.2).build()));
            assertThat(info.layers().get(3).config().getDouble("alpha")).isEqualTo(LeakyReLU.DEFAULT_ALPHA);
            try (Network back = ModelFiles.fromBytes(bytes, be); Tensor p = net.predict(x); Tensor q = back.predict(x)) {
                assertThat(((LeakyReLU) back.layers().get(1)).alpha()).isEqualTo(0.2);
                assertThat(q.toDoubleArray()).containsExactly(p.toDoubleArray());
            }
        }
    }

    @Test
    void aSlopeThatIsNotAFiniteNumberIsRejected() {
        assertThatThrownBy(() -> new LeakyReLU(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha").hasMessageContaining("NaN");
        assertThat(new LeakyReLU(0.25)).hasToString("LeakyReLU(0.25)");
        assertThatThrownBy(() -> new io.github.nn4j.api.persist.standard.LeakyReLUType()
                .parameters(Config.builder().put("alpha", 0.1).put("beta", 1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta");
        assertThatThrownBy(() -> new io.github.nn4j.api.persist.standard.LeakyReLUType()
                .parameters(Config.builder().put("alpha", "high").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
    }
}
