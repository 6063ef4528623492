package io.github.nn4j.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitialEpochTest {
    private final Backend be = new ReferenceBackend();

    private Network net() {
        return Network.of(new Dense(be, DType.FLOAT64, 3, 5, WeightInit.XAVIER_UNIFORM, 4), new Tanh(),
                new Dense(be, DType.FLOAT64, 5, 2, WeightInit.XAVIER_UNIFORM, 5));
    }

    private static List<double[]> weights(Network n) {
        List<double[]> out = new ArrayList<>();
        for (Parameter p : n.parameters()) {
            out.add(p.value().toDoubleArray());
        }
        return out;
    }

    @Test
    void aFitFromEpochNContinuesTheShufflingOfTheRunFromZero() {
        try (Tensor x = be.randomUniform(DType.FLOAT64, Shape.of(23, 3), -1, 1, 1);
             Tensor y = be.randomUniform(DType.FLOAT64, Shape.of(23, 2), -1, 1, 2);
             Network whole = net(); Network split = net(); Sgd a = new Sgd(0.05, 0.5); Sgd b = new Sgd(0.05, 0.5)) {
            TrainingHistory all = whole.fit(x, y, new MeanSquaredError(), a, TrainingConfig.builder(5).batchSize(4).seed(9).build());
            split.fit(x, y, new MeanSquaredError(), b, TrainingConfig.builder(2).batchSize(4).seed(9).build());
            TrainingHistory rest = split.fit(x, y, new MeanSquaredError(), b,
                    TrainingConfig.builder(5).batchSize(4).seed(9).initialEpoch(2).build());
            assertThat(rest.epochs()).extracting(EpochStats::epoch).containsExactly(3, 4, 5);
            assertThat(rest.epochs()).extracting(EpochStats::epochs).containsOnly(5);
            assertThat(rest.losses()).containsExactly(java.util.Arrays.copyOfRange(all.losses(), 2, 5));
            for (int i = 0; i < 4; i++) {
                assertThat(weights(split).get(i)).containsExactly(weights(whole).get(i));
            }
            assertThat(split.trainingProgress()).isEqualTo(whole.trainingProgress())
                    .isEqualTo(new TrainingProgress(5, 9, 4, true, 23));
        }
    }

    @Test
    void withoutTheReplayTheBatchesWouldDiffer() {
        // guards the test above: skipping to epoch 3 with the generator of epoch 1 gives other batches
        try (Tensor x = be.randomUniform(DType.FLOAT64, Shape.of(23, 3), -1, 1, 1);
             Tensor y = be.randomUniform(DType.FLOAT64, Shape.of(23, 2), -1, 1, 2);
             Network whole = net(); Network split = net(); Sgd a = new Sgd(0.05); Sgd b = new Sgd(0.05)) {
            TrainingHistory all = whole.fit(x, y, new MeanSquaredError(), a, TrainingConfig.builder(3).batchSize(4).seed(9).build());
            split.fit(x, y, new MeanSquaredError(), b, TrainingConfig.builder(2).batchSize(4).seed(9).build());
            TrainingHistory third = split.fit(x, y, new MeanSquaredError(), b, TrainingConfig.builder(1).batchSize(4).seed(9).build());
            assertThat(third.losses()[0]).isNotEqualTo(all.losses()[2]);
        }
    }

    @Test
    void theInitialEpochMustBeBelowTheLast() {
        assertThatThrownBy(() -> TrainingConfig.builder(3).initialEpoch(3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be below the last epoch 3");
        assertThatThrownBy(() -> TrainingConfig.builder(3).initialEpoch(-1))
                .isInstanceOf(IllegalArgumentException.class);
        TrainingConfig c = TrainingConfig.builder(10).batchSize(7).resumeFrom(new TrainingProgress(4, 3, 32, false, 100))
                .build();
        assertThat(c.initialEpoch()).isEqualTo(4);
        assertThat(c.seed()).isEqualTo(3);
        assertThat(c.batchSize()).isEqualTo(32);
        assertThat(c.shuffle()).isFalse();
        assertThat(c.resumedFrom()).isEqualTo(new TrainingProgress(4, 3, 32, false, 100));
    }
}
