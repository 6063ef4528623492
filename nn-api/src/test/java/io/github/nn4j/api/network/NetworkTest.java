package io.github.nn4j.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.Loss;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.reference.TrackingBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
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

    // ------------------------------------------------------------------------------------ batching and shuffling

    /** Passes its input through and records the first column of every batch it sees. */
    private static final class Recorder implements Layer {
        final List<double[]> batches = new ArrayList<>();

        @Override
        public Tensor forward(Tensor input, boolean training) {
            double[] v = input.toDoubleArray();
            double[] first = new double[input.rows()];
            for (int i = 0; i < first.length; i++) {
                first[i] = v[i * input.cols()];
            }
            batches.add(first);
            return input;
        }

        @Override
        public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
            return gradOutput;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public void close() {
        }
    }

    /** A loss that checks every prediction row is paired with its own target (target = 10 x input) and returns 1. */
    private static final Loss PAIRING = new Loss() {
        @Override
        public double value(Tensor prediction, Tensor target) {
            double[] p = prediction.toDoubleArray();
            double[] t = target.toDoubleArray();
            for (int i = 0; i < prediction.rows(); i++) {
                int first = i * prediction.cols();
                assertThat(t[first]).as("target of sample %s", p[first]).isEqualTo(10 * p[first]);
            }
            return 1;
        }

        @Override
        public double valueAndGradient(Tensor prediction, Tensor target, Tensor gradient) {
            gradient.fill(0);
            return value(prediction, target);
        }
    };

    /** Samples i = 0 .. n-1 as rows [i, -i], targets [10 i, -10 i]. */
    private Tensor[] numbered(int n) {
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[2 * i] = 10 * i;
            y[2 * i + 1] = -10 * i;
        }
        return new Tensor[] {be.fromArray(DType.FLOAT64, x, Shape.of(n, 2)), be.fromArray(DType.FLOAT64, y, Shape.of(n, 2))};
    }

    private List<double[]> epochs(Recorder r, int epochs) {
        List<double[]> out = new ArrayList<>();
        int perEpoch = r.batches.size() / epochs;
        for (int e = 0; e < epochs; e++) {
            out.add(r.batches.subList(e * perEpoch, (e + 1) * perEpoch).stream().flatMapToDouble(Arrays::stream).toArray());
        }
        return out;
    }

    @Test
    void shuffledEpochsVisitEverySampleOnceWithItsOwnTarget() {
        Tensor[] d = numbered(10);
        Recorder r = new Recorder();
        try (Network n = Network.of(r); Tensor x = d[0]; Tensor y = d[1]) {
            n.fit(x, y, PAIRING, new Sgd(0.1), TrainingConfig.builder(3).batchSize(3).seed(4).build());
        }
        assertThat(r.batches).hasSize(12).extracting(b -> b.length).containsExactly(3, 3, 3, 1, 3, 3, 3, 1, 3, 3, 3, 1);
        List<double[]> epochs = epochs(r, 3);
        double[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (double[] e : epochs) {
            assertThat(e).containsExactlyInAnyOrder(all);
        }
        assertThat(epochs.get(0)).isNotEqualTo(all);
        assertThat(epochs.get(1)).isNotEqualTo(epochs.get(0));
    }

    @Test
    void unshuffledAndFullBatchTrainingKeepTheOrder() {
        Tensor[] d = numbered(7);
        Recorder inOrder = new Recorder();
        Recorder full = new Recorder();
        try (Network a = Network.of(inOrder); Network b = Network.of(List.of(full)); Tensor x = d[0]; Tensor y = d[1]) {
            a.fit(x, y, PAIRING, new Sgd(0.1), TrainingConfig.builder(2).batchSize(3).shuffle(false).build());
            b.fit(x, y, PAIRING, new Sgd(0.1), TrainingConfig.builder(2).batchSize(0).build());
        }
        assertThat(epochs(inOrder, 2)).allSatisfy(e -> assertThat(e).containsExactly(0, 1, 2, 3, 4, 5, 6));
        assertThat(full.batches).hasSize(2).allSatisfy(e -> assertThat(e).containsExactly(0, 1, 2, 3, 4, 5, 6));
        assertThat(TrainingConfig.builder(1).batchSize(0).build().batchSize()).isZero();
    }

    @Test
    void epochLossIsTheSampleWeightedMeanOfBatchLossesAndTimeIsMeasured() {
        List<Double> batchLosses = new ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, int batches, double batchLoss) {
                batchLosses.add(batchLoss);
            }
        };
        try (Network n = net(3); Tensor x = x(10); Tensor y = y(10)) {
            long start = System.nanoTime();
            TrainingHistory h = n.fit(x, y, new MeanSquaredError(), new Sgd(0.1),
                    TrainingConfig.builder(1).batchSize(4).shuffle(false).listener(l).build());
            double wall = (System.nanoTime() - start) / 1e9;
            assertThat(batchLosses).hasSize(3);
            double expected = (4 * batchLosses.get(0) + 4 * batchLosses.get(1) + 2 * batchLosses.get(2)) / 10;
            assertThat(h.finalLoss()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-15));
            assertThat(h.losses()).containsExactly(h.finalLoss());
            assertThat(h.trainingSeconds()).isPositive().isLessThanOrEqualTo(wall);
            EpochStats stats = h.epochs().get(0);
            assertThat(stats.samples()).isEqualTo(10);
            assertThat(stats.samplesPerSecond()).isCloseTo(10 / (stats.elapsedNanos() / 1e9),
                    org.assertj.core.data.Offset.offset(1e-9 * stats.samplesPerSecond()));
        }
    }

    @Test
    void trainStepReturnsTheLossBeforeTheUpdate() {
        try (Network n = net(5); Tensor x = x(6); Tensor y = y(6)) {
            double before;
            try (Tensor p = n.predict(x)) {
                before = new MeanSquaredError().value(p, y);
            }
            assertThat(n.trainStep(x, y, new MeanSquaredError(), new Sgd(0.5))).isEqualTo(before);
            try (Tensor p = n.predict(x)) {
                assertThat(new MeanSquaredError().value(p, y)).isLessThan(before);
            }
        }
    }

    @Test
    void predictAndSliceAcceptTheirLimitsAndRejectBeyond() {
        try (Network n = net(1); Tensor x = x(5)) {
            double[] whole = n.forward(x, false).toDoubleArray();
            for (int batch : new int[] {1, 4, 5, 6}) {
                try (Tensor p = n.predict(x, batch)) {
                    assertThat(p.toDoubleArray()).as("batch %d", batch).containsExactly(whole);
                }
            }
            assertThatThrownBy(() -> n.predict(x, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("batch size");
            assertThat(n.slice(0, 4).layers()).hasSize(4);
            assertThat(n.slice(3, 4).layers()).hasSize(1);
            assertThatThrownBy(() -> n.slice(-1, 2)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> n.slice(1, 5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Network.of()).isInstanceOf(IllegalArgumentException.class);
            try (Tensor y7 = be.zeros(DType.FLOAT64, Shape.of(7, 2))) {
                assertThatThrownBy(() -> n.evaluate(x, y7, new MeanSquaredError(), 2))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evaluate");
            }
        }
    }

    @Test
    void namesAndDivergenceDetails() {
        try (Network n = net(1)) {
            assertThat(n).hasToString("Network[Dense(4→8), ReLU, Dense(8→2), Sigmoid]");
        }
        TrainingDivergedException e = new TrainingDivergedException(3, 7, Double.POSITIVE_INFINITY);
        assertThat(e.epoch()).isEqualTo(3);
        assertThat(e.batch()).isEqualTo(7);
        assertThat(e.loss()).isInfinite();
        assertThat(e).hasMessageContaining("epoch 3, batch 7").hasMessageContaining("Infinity");
    }

    @Test
    void closingANetworkFreesItsBuffersAndLayers() {
        TrackingBackend tracking = new TrackingBackend();
        try (Tensor x = tracking.randomUniform(DType.FLOAT32, Shape.of(9, 4), -1, 1, 1);
             Tensor y = tracking.randomUniform(DType.FLOAT32, Shape.of(9, 2), 0, 1, 2);
             Tensor vx = tracking.randomUniform(DType.FLOAT32, Shape.of(5, 4), -1, 1, 3);
             Tensor vy = tracking.randomUniform(DType.FLOAT32, Shape.of(5, 2), 0, 1, 4)) {
            int before = tracking.openTensors();
            Network n = Network.of(new Dense(tracking, 4, 3, 1), new ReLU(), new Dense(tracking, 3, 2, 2), new Sigmoid());
            try (Sgd sgd = new Sgd(0.1, 0.5)) {
                n.fit(x, y, new MeanSquaredError(), sgd, TrainingConfig.builder(2).batchSize(4).validation(vx, vy).build());
                n.predict(x, 4).close();
                n.evaluate(vx, vy, new MeanSquaredError(), 2);
            }
            n.close();
            assertThat(tracking.openTensors()).as("tensors left open").isEqualTo(before);
        }
    }
}
