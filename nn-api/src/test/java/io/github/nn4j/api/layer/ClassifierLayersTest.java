package io.github.nn4j.api.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.loss.SoftmaxCrossEntropy;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.reference.TrackingBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the conformance suite leaves to nn-api: Dropout's modes, steps and settings, Softmax as an inference output,
 * and fit with class labels.
 */
class ClassifierLayersTest {
    private final TrackingBackend be = new TrackingBackend();

    @Test
    void dropoutDrawsANewMaskEveryStepAndNoneInInference() {
        try (Dropout d = new Dropout(0.5, 4); Tensor x = be.full(DType.FLOAT32, Shape.of(8, 16), 1)) {
            List<float[]> masks = new ArrayList<>();
            for (long step : new long[] {0, 1, 0}) {
                d.beginTrainingStep(step);
                masks.add(d.forward(x, true).toFloatArray().clone());
            }
            assertThat(masks.get(2)).as("step 0 again").containsExactly(masks.get(0));
            assertThat(masks.get(1)).as("step 1").isNotEqualTo(masks.get(0));
            for (float v : masks.get(0)) {
                assertThat(v).isIn(0f, 2f);
            }
            assertThat(d.forward(x, false)).isSameAs(x);
        }
        try (Dropout none = new Dropout(0, 4); Tensor x = be.full(DType.FLOAT32, Shape.of(2, 3), 5)) {
            assertThat(none.forward(x, true)).as("rate 0: the identity, also in training").isSameAs(x);
            assertThat(none.backward(x, true)).isSameAs(x);
            assertThat(none.backward(x, false)).isNull();
        }
    }

    @Test
    void dropoutChecksItsRateAndCallOrderAndFreesItsBuffers() {
        for (double bad : new double[] {-0.1, 1, Double.NaN}) {
            assertThatThrownBy(() -> new Dropout(bad, 1)).as("rate %s", bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Dropout: the rate must be in [0, 1)");
        }
        int before = be.openTensors();
        Dropout d = new Dropout(0.2, 1);
        assertThatThrownBy(() -> d.backward(be.zeros(Shape.of(1, 1)), true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Dropout(0.2): backward called before forward");
        try (Tensor x = be.full(DType.FLOAT32, Shape.of(4, 4), 1)) {
            d.forward(x, true);
            d.backward(x, true);
        }
        d.close();
        assertThat(be.openTensors()).as("the mask, output and gradient are freed").isEqualTo(before + 1);
        Layer replica = new Dropout(0.2, 1).inferenceReplica().orElseThrow();
        assertThat(replica).hasToString("Dropout(0.2)");
        assertThat(replica.parameters()).isEmpty();
    }

    @Test
    void normalizationFitsItsDataAndChecksItsValues() {
        try (Tensor data = be.fromMatrix(DType.FLOAT64, new double[][] {{1, 3}, {5, 7}})) {
            Normalization n = Normalization.fitTo(data); // mean 4, variance (9 + 1 + 1 + 9) / 4 = 5
            assertThat(n.mean()).isEqualTo(4);
            assertThat(n.std()).isCloseTo(Math.sqrt(5), within(1e-15));
            assertThat(n.forward(data, false).toDoubleArray())
                    .containsExactly(new double[] {-3 / Math.sqrt(5), -1 / Math.sqrt(5), 1 / Math.sqrt(5),
                        3 / Math.sqrt(5)}, within(1e-15));
            assertThat(n.inferenceReplica().orElseThrow()).hasToString(n.toString());
            n.close();
        }
        try (Tensor constant = be.full(DType.FLOAT32, Shape.of(2, 2), 3)) {
            assertThatThrownBy(() -> Normalization.fitTo(constant)).hasMessageContaining("standard deviation");
        }
        for (double[] bad : new double[][] {{Double.NaN, 1}, {0, 0}, {0, -1}, {0, Double.POSITIVE_INFINITY}}) {
            assertThatThrownBy(() -> new Normalization(bad[0], bad[1])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Normalization");
        }
        assertThat(new Normalization(0.5, 2)).hasToString("Normalization(mean 0.5, std 2.0)");
    }

    @Test
    void softmaxGivesProbabilitiesForALogitsNetwork() {
        try (Network logits = Network.of(new Dense(be, DType.FLOAT64, 4, 3, WeightInit.XAVIER_UNIFORM, 7));
             Tensor x = be.randomUniform(DType.FLOAT64, Shape.of(5, 4), -2, 2, 8);
             Tensor z = logits.predict(x); Softmax softmax = new Softmax()) {
            double[] p = softmax.forward(z, false).toDoubleArray();
            for (int i = 0; i < 5; i++) {
                assertThat(p[3 * i] + p[3 * i + 1] + p[3 * i + 2]).isCloseTo(1, within(1e-15));
            }
            assertThat(softmax.inferenceReplica().orElseThrow()).isInstanceOf(Softmax.class);
            assertThat(softmax).hasToString("Softmax");
        }
    }

    @Test
    void fitTakesClassLabelsWithTheSoftmaxCrossEntropy() {
        try (Network n = Network.of(new Dense(be, DType.FLOAT64, 2, 3, WeightInit.XAVIER_UNIFORM, 1));
             Tensor x = be.fromMatrix(DType.FLOAT64, new double[][] {{1, 0}, {0, 1}, {-1, -1}, {1, 0.1}});
             Tensor labels = be.fromMatrix(DType.FLOAT64, new double[][] {{0}, {1}, {2}, {0}});
             Tensor wrong = be.fromMatrix(DType.FLOAT64, new double[][] {{0, 1}, {1, 0}, {0, 0}, {1, 1}})) {
            double[] losses = n.fit(x, labels, new SoftmaxCrossEntropy(), new Sgd(0.5),
                    TrainingConfig.builder(50).build()).losses();
            assertThat(losses[49]).isLessThan(losses[0] / 4);
            assertThat(new SoftmaxCrossEntropy().acceptsTargets(Shape.of(4, 3), Shape.of(4, 3))).isTrue();
            assertThat(new SoftmaxCrossEntropy()).hasToString("SoftmaxCrossEntropy");
            assertThat(new io.github.nn4j.api.loss.SigmoidCrossEntropy()).hasToString("SigmoidCrossEntropy");
            assertThat(new SoftmaxCrossEntropy().acceptsTargets(Shape.of(4, 3), Shape.of(3, 1))).isFalse();
            assertThat(new MeanSquaredError().acceptsTargets(Shape.of(4, 3), Shape.of(4, 1))).isFalse();
            assertThatThrownBy(() -> n.fit(x, wrong, new SoftmaxCrossEntropy(), new Sgd(0.5),
                    TrainingConfig.builder(1).build())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("output [4, 3] and the targets [4, 2] do not fit the loss SoftmaxCrossEntropy");
            assertThatThrownBy(() -> n.fit(x, labels, new MeanSquaredError(), new Sgd(0.5),
                    TrainingConfig.builder(1).build())).hasMessageContaining("[4, 1]");
        }
    }
}
