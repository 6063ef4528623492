package io.github.nn4j.api.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.gradcheck.GradientCheckResult;
import io.github.nn4j.api.gradcheck.GradientChecker;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.persist.ModelFormatException;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** A {@link Network} as a {@link io.github.nn4j.api.layer.Layer}: nested, gradient-checked, trained, saved. */
class NestedNetworkTest {
    private final Backend be = new ReferenceBackend();

    private Dense dense(int in, int out, long seed) {
        return new Dense(be, DType.FLOAT64, in, out, WeightInit.XAVIER_UNIFORM, seed);
    }

    private Network flat() {
        return Network.of(dense(3, 5, 1), new Tanh(), dense(5, 4, 2), new Tanh(), dense(4, 2, 3), new Sigmoid());
    }

    /** The same layers as {@link #flat()}, the first four grouped in an inner network. */
    private Network nested() {
        return Network.of(Network.of(dense(3, 5, 1), new Tanh(), dense(5, 4, 2), new Tanh()), dense(4, 2, 3),
                new Sigmoid());
    }

    @Test
    void aWholeNetworkPassesTheGradientCheck() {
        try (Network net = nested(); Tensor x = be.randomUniform(DType.FLOAT64, Shape.matrix(4, 3), -1, 1, 9)) {
            GradientCheckResult r = GradientChecker.standard().checkLayer(net, x);
            assertThat(r.passed()).as(r.toString()).isTrue();
            assertThat(r.entries()).hasSize(1 + 6);
        }
    }

    @Test
    void aNestedNetworkTrainsExactlyLikeTheFlatOne() {
        try (Network flat = flat(); Network nested = nested();
             Tensor x = be.randomUniform(DType.FLOAT64, Shape.matrix(20, 3), -1, 1, 4);
             Tensor y = be.randomUniform(DType.FLOAT64, Shape.matrix(20, 2), 0, 1, 5)) {
            TrainingConfig config = TrainingConfig.builder(5).batchSize(6).seed(7).build();
            TrainingHistory a = flat.fit(x, y, new MeanSquaredError(), new Adam(0.01), config);
            TrainingHistory b = nested.fit(x, y, new MeanSquaredError(), new Adam(0.01), config);
            assertThat(b.losses()).containsExactly(a.losses());
            try (Tensor pa = flat.predict(x); Tensor pb = nested.predict(x)) {
                assertThat(pb.toDoubleArray()).containsExactly(pa.toDoubleArray());
            }
        }
    }

    @Test
    void aNestedNetworkIsSavedWithDottedNamesAndLoadsTheSame() throws ModelFormatException {
        try (Network net = nested(); Tensor x = be.randomUniform(DType.FLOAT64, Shape.matrix(6, 3), -1, 1, 8)) {
            byte[] bytes = ModelFiles.toBytes(net);
            assertThat(ModelFiles.inspect(bytes, "nested").tensors())
                    .extracting(t -> t.name())
                    .contains("layers.0.layers.0.weight", "layers.0.layers.2.bias", "layers.1.weight");
            try (Network loaded = ModelFiles.fromBytes(bytes, be);
                 Tensor expected = net.predict(x); Tensor actual = loaded.predict(x)) {
                assertThat(loaded.layers().get(0)).isInstanceOf(Network.class);
                assertThat(actual.toDoubleArray()).containsExactly(expected.toDoubleArray());
            }
        }
    }
}
