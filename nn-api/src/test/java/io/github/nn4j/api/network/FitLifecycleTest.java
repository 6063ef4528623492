package io.github.nn4j.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.metric.Accuracy;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What fit tells listeners and layers besides batches and epochs: the start and the end, a listener's request to
 * stop, validation metrics, and the index of every training step.
 */
class FitLifecycleTest {
    private final Backend be = new ReferenceBackend();

    /** An identity layer that records the training steps announced to it. */
    private static final class StepRecorder implements Layer {
        final List<Long> steps = new ArrayList<>();

        @Override
        public void beginTrainingStep(long step) {
            steps.add(step);
        }

        @Override
        public Tensor forward(Tensor input, boolean training) {
            return input;
        }

        @Override
        public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
            return gradOutput;
        }
    }

    private Network net(StepRecorder recorder) {
        return Network.of(new Dense(be, DType.FLOAT64, 4, 3, WeightInit.XAVIER_UNIFORM, 1), recorder, new ReLU(),
                new Dense(be, DType.FLOAT64, 3, 2, WeightInit.XAVIER_UNIFORM, 2));
    }

    private Tensor x(int n) {
        return be.randomUniform(DType.FLOAT64, Shape.of(n, 4), -1, 1, 3);
    }

    private Tensor y(int n) {
        return be.randomUniform(DType.FLOAT64, Shape.of(n, 2), 0, 1, 4);
    }

    @Test
    void listenersSeeTheStartAndTheEndAndMayStopAfterAnyEpoch() {
        List<String> events = new ArrayList<>();
        TrainingListener stopAfter2 = new TrainingListener() {
            private int epochs;

            @Override
            public void onTrainingStart(TrainingConfig config) {
                events.add("start " + config.epochs());
                epochs = 0;
            }

            @Override
            public void onEpochEnd(EpochStats stats) {
                events.add("epoch " + stats.epoch());
                epochs++;
            }

            @Override
            public boolean stopRequested() {
                events.add("asked");
                return epochs == 2;
            }

            @Override
            public void onTrainingEnd(TrainingHistory history) {
                events.add("end " + history.epochs().size());
            }
        };
        TrainingListener bystander = new TrainingListener() {
            @Override
            public boolean stopRequested() {
                events.add("bystander asked");
                return false;
            }
        };
        try (Network n = net(new StepRecorder()); Tensor x = x(10); Tensor y = y(10)) {
            TrainingHistory h = n.fit(x, y, new MeanSquaredError(), new Sgd(0.1),
                    TrainingConfig.builder(5).batchSize(4).listener(stopAfter2).listener(bystander).build());
            assertThat(h.epochs()).hasSize(2);
            assertThat(events).containsExactly("start 5", "epoch 1", "asked", "bystander asked", "epoch 2", "asked",
                    "bystander asked", "end 2");
            assertThat(n.trainingProgress().epoch()).isEqualTo(2);
        }
    }

    @Test
    void aListenerThatThrowsAbortsWithoutTheEnd() {
        List<String> events = new ArrayList<>();
        TrainingListener failing = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public void onTrainingEnd(TrainingHistory history) {
                events.add("end");
            }
        };
        try (Network n = net(new StepRecorder()); Tensor x = x(10); Tensor y = y(10)) {
            assertThatThrownBy(() -> n.fit(x, y, new MeanSquaredError(), new Sgd(0.1),
                    TrainingConfig.builder(3).listener(failing).build())).hasMessage("disk full");
            assertThat(events).isEmpty();
        }
    }

    @Test
    void layersAreToldEveryStepsIndexAlsoWhenResumed() {
        StepRecorder recorder = new StepRecorder();
        try (Network n = net(recorder); Tensor x = x(10); Tensor y = y(10)) {
            assertThat(n.nextTrainingStep()).isZero();
            n.fit(x, y, new MeanSquaredError(), new Sgd(0.1), TrainingConfig.builder(2).batchSize(4).build());
            assertThat(recorder.steps).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(n.nextTrainingStep()).isEqualTo(6);
            n.trainStep(x, y, new MeanSquaredError(), new Sgd(0.1));
            assertThat(recorder.steps).endsWith(6L);
            recorder.steps.clear();

            // resumed after epoch 2 of a run with 3 batches per epoch: epochs 3 and 4 are steps 6 to 11
            n.fit(x, y, new MeanSquaredError(), new Sgd(0.1),
                    TrainingConfig.builder(4).resumeFrom(new TrainingProgress(2, 0, 4, true, 10)).build());
            assertThat(recorder.steps).containsExactly(6L, 7L, 8L, 9L, 10L, 11L);

            // a network given a checkpoint's progress continues from there
            n.restoreTrainingProgress(new TrainingProgress(3, 0, 4, true, 10));
            assertThat(n.nextTrainingStep()).isEqualTo(9);
            n.restoreTrainingProgress(new TrainingProgress(3, 0, 0, true, 10));
            assertThat(n.nextTrainingStep()).as("full batch: one step per epoch").isEqualTo(3);
            n.restoreTrainingProgress(null);
            assertThat(n.nextTrainingStep()).isZero();
        }
    }

    @Test
    void aNestedNetworkPassesTheStepOn() {
        StepRecorder inner = new StepRecorder();
        try (Network n = Network.of(Network.of(new Dense(be, DType.FLOAT64, 4, 2, WeightInit.XAVIER_UNIFORM, 1), inner));
             Tensor x = x(6); Tensor y = y(6)) {
            n.fit(x, y, new MeanSquaredError(), new Sgd(0.1), TrainingConfig.builder(1).batchSize(3).build());
            assertThat(inner.steps).containsExactly(0L, 1L);
        }
    }

    @Test
    void validationMetricsAreMeasuredAfterEveryEpoch() {
        try (Network n = net(new StepRecorder()); Tensor x = x(12); Tensor y = y(12); Tensor vx = x(7);
             Tensor vy = be.fromMatrix(DType.FLOAT64, new double[][] {{0}, {1}, {1}, {0}, {1}, {0}, {0}})) {
            List<EpochStats> stats = new ArrayList<>();
            TrainingListener l = new TrainingListener() {
                @Override
                public void onEpochEnd(EpochStats s) {
                    stats.add(s);
                }
            };
            // MSE on labels [7, 1] does not fit outputs [7, 2], so validate with one-hot targets of the labels
            try (Tensor oneHot = be.fromMatrix(DType.FLOAT64,
                    new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}, {0, 1}, {1, 0}, {1, 0}})) {
                n.fit(x, y, new MeanSquaredError(), new Sgd(0.1), TrainingConfig.builder(2).batchSize(4)
                        .validation(vx, oneHot).validationMetrics(new Accuracy()).listener(l).build());
                Evaluation e = n.evaluate(vx, oneHot, new MeanSquaredError(), 3, List.of(new Accuracy()));
                EpochStats last = stats.get(1);
                assertThat(last.validationMetrics()).containsOnlyKeys("accuracy");
                assertThat(last.validationMetric("accuracy")).isEqualTo(e.metric("accuracy"));
                assertThat(last.validationLoss()).isEqualTo(e.loss());
                assertThatThrownBy(() -> last.validationMetric("f1")).hasMessageContaining("measured no validation"
                        + " metric 'f1' (measured: [accuracy])");
            }
            assertThatThrownBy(() -> TrainingConfig.builder(1).validationMetrics(new Accuracy()).build())
                    .hasMessageContaining("need validation data");
            assertThatThrownBy(() -> TrainingConfig.builder(1).validationMetrics(new Accuracy(), new Accuracy()))
                    .hasMessageContaining("two validation metrics named 'accuracy'");
            assertThat(new EpochStats(1, 1, 0, 0, 1, 1).validationMetrics()).isEmpty();
        }
    }
}
