package io.github.nn4j.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.metric.Accuracy;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.reference.TrackingBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    private final TrackingBackend be = new TrackingBackend();

    private Network net() {
        return Network.of(new Dense(be, DType.FLOAT64, 3, 2, WeightInit.XAVIER_UNIFORM, 5), new Sigmoid());
    }

    private Tensor x() {
        return be.randomUniform(DType.FLOAT64, Shape.of(12, 3), -1, 1, 1);
    }

    private Tensor y() {
        return be.randomUniform(DType.FLOAT64, Shape.of(12, 2), 0, 1, 2);
    }

    private static List<double[]> weights(Network n) {
        List<double[]> out = new ArrayList<>();
        for (Parameter p : n.parameters()) {
            out.add(p.value().toDoubleArray());
        }
        return out;
    }

    /** Records the weights after every epoch. */
    private static TrainingListener recorder(Network n, List<List<double[]>> into) {
        return new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats) {
                into.add(weights(n));
            }
        };
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() {
        // accuracy by epoch: 0.5, 0.7, 0.69, 0.7 (not better than 0.7), 0.6 → best 2, stop after 4 + 1 = 5 with patience 3
        ScriptedMetric accuracy = new ScriptedMetric("accuracy", true, 0.5, 0.7, 0.69, 0.7, 0.6, 0.9, 0.9);
        List<List<double[]>> seen = new ArrayList<>();
        try (Network n = net(); Tensor x = x(); Tensor y = y();
             EarlyStopping stop = EarlyStopping.builder(n).monitor(accuracy).patience(3).build()) {
            TrainingHistory h = n.fit(x, y, new MeanSquaredError(), new Sgd(0.5), TrainingConfig.builder(7).batchSize(4)
                    .validation(x, y).validationMetrics(accuracy).listener(recorder(n, seen)).listener(stop).build());
            assertThat(h.epochs()).hasSize(5);
            assertThat(stop.stoppedEpoch()).isEqualTo(5);
            assertThat(stop.bestEpoch()).isEqualTo(2);
            assertThat(stop.bestValue()).isEqualTo(0.7);
            assertThat(stop.restoredBestWeights()).isTrue();
            List<double[]> now = weights(n);
            for (int p = 0; p < now.size(); p++) {
                assertThat(now.get(p)).containsExactly(seen.get(1).get(p));
                assertThat(now.get(p)).isNotEqualTo(seen.get(4).get(p));
            }
            assertThat(n.trainingProgress().epoch()).as("progress stays the last epoch's").isEqualTo(5);
        }
    }

    @Test
    void watchesTheValidationLossByDefaultAndMinDeltaDecidesWhatImproves() {
        ScriptedMetric unused = new ScriptedMetric("x", false, new double[10]);
        try (Network n = net(); Tensor x = x(); Tensor y = y()) {
            // the validation loss of this run falls every epoch, by less than 1 from the first on
            EarlyStopping byLoss = EarlyStopping.builder(n).patience(2).build();
            n.fit(x, y, new MeanSquaredError(), new Sgd(0.5), TrainingConfig.builder(6).batchSize(4).validation(x, y)
                    .validationMetrics(unused).listener(byLoss).build());
            assertThat(byLoss.stoppedEpoch()).isZero();
            assertThat(byLoss.bestEpoch()).isEqualTo(6);
            assertThat(byLoss.restoredBestWeights()).as("the best epoch was the last").isFalse();

            EarlyStopping coarse = EarlyStopping.builder(n).patience(2).minDelta(1).build();
            TrainingHistory h = n.fit(x, y, new MeanSquaredError(), new Sgd(0.5),
                    TrainingConfig.builder(6).batchSize(4).validation(x, y).listener(coarse).build());
            assertThat(h.epochs()).hasSize(3);
            assertThat(coarse.bestEpoch()).isEqualTo(1);
            assertThat(coarse.stoppedEpoch()).isEqualTo(3);
            coarse.close();
            byLoss.close();
        }
    }

    @Test
    void lowerIsBetterForSuchMetricsAndNaNNeverImproves() {
        ScriptedMetric error = new ScriptedMetric("error", false, Double.NaN, 0.3, 0.2, Double.NaN, 0.25, 0.1);
        try (Network n = net(); Tensor x = x(); Tensor y = y();
             EarlyStopping stop = EarlyStopping.builder(n).monitor(error).patience(2).restoreBestWeights(false).build()) {
            List<List<double[]>> seen = new ArrayList<>();
            n.fit(x, y, new MeanSquaredError(), new Sgd(0.5), TrainingConfig.builder(6).batchSize(4).validation(x, y)
                    .validationMetrics(error).listener(recorder(n, seen)).listener(stop).build());
            assertThat(stop.bestEpoch()).isEqualTo(3);
            assertThat(stop.bestValue()).isEqualTo(0.2);
            assertThat(stop.stoppedEpoch()).isEqualTo(5);
            assertThat(stop.restoredBestWeights()).isFalse();
            assertThat(weights(n).get(0)).containsExactly(seen.get(4).get(0));
        }
    }

    @Test
    void aListenerReusedInASecondFitStartsAfresh() {
        ScriptedMetric accuracy = new ScriptedMetric("accuracy", true, 0.9, 0.1, 0.1, 0.2, 0.3, 0.4);
        try (Network n = net(); Tensor x = x(); Tensor y = y();
             EarlyStopping stop = EarlyStopping.builder(n).monitor(new Accuracy()).patience(2).build()) {
            TrainingConfig.Builder c = TrainingConfig.builder(3).batchSize(4).validation(x, y).validationMetrics(accuracy)
                    .listener(stop);
            n.fit(x, y, new MeanSquaredError(), new Sgd(0.5), c.build());
            assertThat(stop.bestEpoch()).isEqualTo(1);
            assertThat(stop.stoppedEpoch()).isEqualTo(3);
            n.fit(x, y, new MeanSquaredError(), new Sgd(0.5), c.build());
            assertThat(stop.bestEpoch()).isEqualTo(3);
            assertThat(stop.stoppedEpoch()).isZero();
        }
    }

    @Test
    void missingValidationDataOrMetricIsAnErrorBeforeTraining() {
        try (Network n = net(); Tensor x = x(); Tensor y = y()) {
            double[] before = weights(n).get(0);
            EarlyStopping byLoss = EarlyStopping.builder(n).build();
            assertThatThrownBy(() -> n.fit(x, y, new MeanSquaredError(), new Sgd(0.5),
                    TrainingConfig.builder(3).listener(byLoss).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("early stopping watches the validation loss, but the training configuration has"
                            + " no validation data");
            EarlyStopping byAccuracy = EarlyStopping.builder(n).monitor(new Accuracy()).build();
            assertThatThrownBy(() -> n.fit(x, y, new MeanSquaredError(), new Sgd(0.5),
                    TrainingConfig.builder(3).validation(x, y).listener(byAccuracy).build()))
                    .hasMessageContaining("the validation metric 'accuracy', which the training configuration does not"
                            + " measure");
            assertThat(weights(n).get(0)).containsExactly(before);
        }
        assertThatThrownBy(() -> EarlyStopping.builder(null)).isInstanceOf(NullPointerException.class);
        Network dummy = net();
        assertThatThrownBy(() -> EarlyStopping.builder(dummy).patience(0)).hasMessageContaining("patience");
        assertThatThrownBy(() -> EarlyStopping.builder(dummy).minDelta(-1)).hasMessageContaining("min delta");
        assertThatThrownBy(() -> EarlyStopping.builder(dummy).minDelta(Double.NaN)).hasMessageContaining("min delta");
        assertThat(EarlyStopping.builder(dummy).monitor(new Accuracy()).patience(4).minDelta(0.01).build())
                .hasToString("EarlyStopping(the validation metric 'accuracy', patience 4, min delta 0.01, restoring the"
                        + " best weights)");
        assertThat(EarlyStopping.builder(dummy).restoreBestWeights(false).build())
                .hasToString("EarlyStopping(the validation loss, patience 5)");
        dummy.close();
    }

    @Test
    void beforeAnyFitThereIsNoBestAndMinDeltaAppliesToHigherIsBetterToo() {
        try (Network n = net(); Tensor x = x(); Tensor y = y()) {
            EarlyStopping fresh = EarlyStopping.builder(n).minDelta(0).build();
            assertThat(fresh.bestValue()).isNaN();
            assertThat(fresh.bestEpoch()).isZero();
            assertThat(fresh.stoppedEpoch()).isZero();
            assertThat(fresh.stopRequested()).isFalse();
            // 0.5, then 0.505 and 0.509: better, but by less than 0.01
            ScriptedMetric accuracy = new ScriptedMetric("accuracy", true, 0.5, 0.505, 0.509, 0.52);
            try (EarlyStopping stop = EarlyStopping.builder(n).monitor(accuracy).patience(2).minDelta(0.01).build()) {
                n.fit(x, y, new MeanSquaredError(), new Sgd(0.5), TrainingConfig.builder(4).batchSize(4).validation(x, y)
                        .validationMetrics(accuracy).listener(stop).build());
                assertThat(stop.bestEpoch()).isEqualTo(1);
                assertThat(stop.stoppedEpoch()).isEqualTo(3);
            }
            // a configuration that measures other metrics, but not the one watched
            EarlyStopping byAccuracy = EarlyStopping.builder(n).monitor(new Accuracy()).build();
            assertThatThrownBy(() -> n.fit(x, y, new MeanSquaredError(), new Sgd(0.5), TrainingConfig.builder(2)
                    .validation(x, y).validationMetrics(new ScriptedMetric("error", false, 1, 1)).listener(byAccuracy)
                    .build())).hasMessageContaining("'accuracy', which the training configuration does not measure");
        }
    }

    @Test
    void aClosedListenerCanWatchAnotherFit() {
        try (Network n = net(); Tensor x = x(); Tensor y = y()) {
            EarlyStopping stop = EarlyStopping.builder(n).patience(1).build();
            TrainingConfig c = TrainingConfig.builder(3).batchSize(4).validation(x, y).listener(stop).build();
            n.fit(x, y, new MeanSquaredError(), new Sgd(0.5), c);
            stop.close();
            n.fit(x, y, new MeanSquaredError(), new Sgd(0.5), c);
            assertThat(stop.bestEpoch()).isPositive();
            stop.close();
        }
    }

    @Test
    void closingFreesTheCopyOfTheWeights() {
        int before = be.openTensors();
        try (Network n = net(); Tensor x = x(); Tensor y = y()) {
            EarlyStopping stop = EarlyStopping.builder(n).patience(1).build();
            n.fit(x, y, new MeanSquaredError(), new Sgd(0.5),
                    TrainingConfig.builder(2).batchSize(4).validation(x, y).listener(stop).build());
            int withCopy = be.openTensors();
            stop.close();
            assertThat(be.openTensors()).isEqualTo(withCopy - 2);
        }
        assertThat(be.openTensors()).isEqualTo(before);
    }
}
