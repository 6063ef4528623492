package io.github.nn4j.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
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

class NetworkTest {
    private final Backend be = new ReferenceBackend();

    private Network net(long seed) {
        return Network.of(new Dense(be, DType.FLOAT64, 4, 8, WeightInit.XAVIER_UNIFORM, seed), new ReLU(),
                new Dense(be, DType.FLOAT64, 8, 2, WeightInit.XAVIER_UNIFORM, seed + 1), new Sigmoid());
    }

    private Tensor x(int n) {
        return be.randomUniform(DType.FLOAT64, Shape.of(n, 4), -1, 1, 3);
    }

    private Tensor y(int n) {
        return be.randomUniform(DType.FLOAT64, Shape.of(n, 2), 0, 1, 4);
    }

    @Test
    void listenersSeeEveryBatchAndEpochAndHistoryMatches() {
        List<String> events = new ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, int batches, double batchLoss) {
                events.add("b" + epoch + "." + batch + "/" + batches);
            }

            @Override
            public void onEpochEnd(EpochStats stats) {
                events.add("e" + stats.epoch() + "/" + stats.epochs() + ":" + stats.samples());
            }
        };
        try (Network n = net(1); Tensor x = x(10); Tensor y = y(10)) {
            TrainingHistory h = n.fit(x, y, new MeanSquaredError(), new Sgd(0.1),
                    TrainingConfig.builder(2).batchSize(4).listener(l).build());
            assertThat(events).containsExactly("b1.1/3", "b1.2/3", "b1.3/3", "e1/2:10", "b2.1/3", "b2.2/3", "b2.3/3", "e2/2:10");
            assertThat(h.epochs()).hasSize(2);
            assertThat(java.util.Arrays.stream(h.losses()).allMatch(Double::isFinite)).isTrue();
            assertThat(java.util.Arrays.stream(h.validationLosses()).allMatch(Double::isNaN)).isTrue();
            assertThat(h.trainingSeconds()).isPositive();
        }
    }

    @Test
    void validationLossIsTheEvaluatedLossAfterEachEpoch() {
        try (Network n = net(1); Tensor x = x(20); Tensor y = y(20); Tensor vx = x(7); Tensor vy = y(7)) {
            TrainingHistory h = n.fit(x, y, new MeanSquaredError(), new Sgd(0.1),
                    TrainingConfig.builder(3).batchSize(8).validation(vx, vy).build());
            double last = h.validationLosses()[2];
            assertThat(last).isEqualTo(n.evaluate(vx, vy, new MeanSquaredError(), 3));
        }
    }

    @Test
    void evaluateWeightsBatchesBySize() {
        try (Network n = net(2); Tensor x = x(10); Tensor y = y(10)) {
            double whole = n.evaluate(x, y, new MeanSquaredError(), 0);
            double batched = n.evaluate(x, y, new MeanSquaredError(), 3);
            assertThat(batched).isCloseTo(whole, org.assertj.core.data.Offset.offset(1e-12));
            try (Tensor p = n.predict(x)) {
                assertThat(new MeanSquaredError().value(p, y)).isCloseTo(whole, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void shuffleSeedDecidesTheTrajectory() {
        double[] a;
        double[] b;
        double[] c;
        try (Network n = net(1); Tensor x = x(30); Tensor y = y(30)) {
            a = n.fit(x, y, new MeanSquaredError(), new Sgd(0.2), TrainingConfig.builder(3).batchSize(5).seed(1).build()).losses();
        }
        try (Network n = net(1); Tensor x = x(30); Tensor y = y(30)) {
            b = n.fit(x, y, new MeanSquaredError(), new Sgd(0.2), TrainingConfig.builder(3).batchSize(5).seed(1).build()).losses();
        }
        try (Network n = net(1); Tensor x = x(30); Tensor y = y(30)) {
            c = n.fit(x, y, new MeanSquaredError(), new Sgd(0.2), TrainingConfig.builder(3).batchSize(5).seed(2).build()).losses();
        }
        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void divergenceIsReportedWithEpochAndBatch() {
        try (Network n = net(1); Tensor x = x(8); Tensor y = y(8)) {
            double[] bad = y.toDoubleArray();
            bad[5] = Double.NaN;
            y.copyFrom(bad);
            assertThatThrownBy(() -> n.fit(x, y, new MeanSquaredError(), new Sgd(0.1),
                    TrainingConfig.builder(2).batchSize(8).build()))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("epoch 1, batch 1").hasMessageContaining("NaN");
        }
    }

    @Test
    void mismatchedShapesAreNamed() {
        try (Network n = net(1); Tensor x = x(8); Tensor y3 = be.zeros(DType.FLOAT64, Shape.of(8, 3));
             Tensor y7 = be.zeros(DType.FLOAT64, Shape.of(7, 2));
             Tensor wide = be.zeros(DType.FLOAT64, Shape.of(8, 5))) {
            TrainingConfig c = TrainingConfig.builder(1).build();
            assertThatThrownBy(() -> n.fit(x, y3, new MeanSquaredError(), new Sgd(0.1), c))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[8, 2]").hasMessageContaining("[8, 3]");
            assertThatThrownBy(() -> n.fit(x, y7, new MeanSquaredError(), new Sgd(0.1), c))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[8, 4]").hasMessageContaining("[7, 2]");
            assertThatThrownBy(() -> n.forward(wide, false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Dense(4→8)").hasMessageContaining("[8, 5]");
        }
    }

    @Test
    void sliceSharesLayersAndComputesThePrefix() {
        try (Network n = net(1); Tensor x = x(5)) {
            Network encoder = n.slice(0, 2);
            assertThat(encoder.layers()).containsExactlyElementsOf(n.layers().subList(0, 2));
            try (Tensor h = encoder.predict(x)) {
                assertThat(h.shape()).isEqualTo(Shape.of(5, 8));
                assertThat(h.min()).isGreaterThanOrEqualTo(0.0); // after ReLU
            }
            encoder.close();
            assertThat(n.parameters().get(0).value().isClosed()).isFalse();
            assertThat(n.parameterCount()).isEqualTo(4 * 8 + 8 + 8 * 2 + 2);
            assertThatThrownBy(() -> n.slice(2, 2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void trainingConfigRejectsNonsense() {
        assertThatThrownBy(() -> TrainingConfig.builder(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epochs");
        assertThatThrownBy(() -> TrainingConfig.builder(1).batchSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sgd(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate");
    }
}
