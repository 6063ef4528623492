package io.github.nn4j.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The failures a finite loss hides, on XOR: each raised once, seen by listeners, kept in the history. */
class TrainingWarningTest {
    private final Backend be = new ReferenceBackend();

    private TrainingHistory xor(Optimizer optimizer, int epochs, TrainingConfig.Builder config) {
        try (Tensor x = be.fromMatrix(DType.FLOAT32, new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
             Tensor y = be.fromMatrix(DType.FLOAT32, new double[][] {{0}, {1}, {1}, {0}});
             Network net = Network.of(new Dense(be, 2, 4, 42), new Tanh(), new Dense(be, 4, 1, 43), new Sigmoid())) {
            return net.fit(x, y, new MeanSquaredError(), optimizer, config.build());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam"})
    void aHugeLearningRateIsReportedAsExplodingWeightsThenAStall(String name) {
        List<TrainingWarning> seen = new ArrayList<>();
        Optimizer optimizer = name.equals("sgd") ? new Sgd(1e6) : new Adam(1e6);
        TrainingHistory h = xor(optimizer, 40, TrainingConfig.builder(40).listener(new TrainingListener() {
            @Override
            public void onWarning(TrainingWarning warning) {
                seen.add(warning);
            }
        }));
        assertThat(h.warnings()).extracting(TrainingWarning::kind)
                .containsExactly(TrainingWarning.Kind.WEIGHTS_EXPLODING, TrainingWarning.Kind.STALLED);
        assertThat(seen).isEqualTo(h.warnings());
        assertThat(h.warnings().get(0).epoch()).isEqualTo(1);
        assertThat(h.warnings().get(0).message()).contains("learning rate");
        // epoch 1 has the best loss; epochs 2 to 11 are ten without improvement
        assertThat(h.warnings().get(1).epoch()).isEqualTo(11);
        assertThat(h.warnings().get(1).message()).contains("stalled").contains("vanished");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam"})
    void aHealthyRunRaisesNothing(String name) {
        Optimizer optimizer = name.equals("sgd") ? new Sgd(0.5) : new Adam(0.05);
        TrainingHistory h = xor(optimizer, 2000, TrainingConfig.builder(2000));
        assertThat(h.finalLoss()).isLessThan(0.01);
        assertThat(h.warnings()).isEmpty();
    }

    @Test
    void theWeightLimitIsASettingAndCanBeSwitchedOff() {
        TrainingHistory strict = xor(new Sgd(0.5), 300, TrainingConfig.builder(300).weightLimit(1.0));
        assertThat(strict.warnings()).extracting(TrainingWarning::kind)
                .containsExactly(TrainingWarning.Kind.WEIGHTS_EXPLODING);
        TrainingHistory off = xor(new Sgd(1e6), 3, TrainingConfig.builder(3).weightLimit(Double.POSITIVE_INFINITY));
        assertThat(off.warnings()).isEmpty();
        assertThatThrownBy(() -> TrainingConfig.builder(1).weightLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingConfig.builder(1).weightLimit(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNanValidationLossIsReportedOnce() {
        try (Tensor x = be.fromMatrix(DType.FLOAT32, new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
             Tensor y = be.fromMatrix(DType.FLOAT32, new double[][] {{0}, {1}, {1}, {0}});
             Tensor vx = be.fromMatrix(DType.FLOAT32, new double[][] {{0, Double.NaN}});
             Tensor vy = be.fromMatrix(DType.FLOAT32, new double[][] {{1}});
             Network net = Network.of(new Dense(be, 2, 4, 42), new Tanh(), new Dense(be, 4, 1, 43), new Sigmoid())) {
            TrainingHistory h = net.fit(x, y, new MeanSquaredError(), new Sgd(0.5),
                    TrainingConfig.builder(3).validation(vx, vy).build());
            assertThat(h.warnings()).singleElement().satisfies(w -> {
                assertThat(w.kind()).isEqualTo(TrainingWarning.Kind.VALIDATION_NOT_FINITE);
                assertThat(w.epoch()).isEqualTo(1);
                assertThat(w.message()).contains("NaN");
            });
        }
    }
}
