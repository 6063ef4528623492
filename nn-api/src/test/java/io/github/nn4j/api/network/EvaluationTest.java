package io.github.nn4j.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.metric.Accuracy;
import io.github.nn4j.api.metric.ConfusionMatrix;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private final Backend be = new ReferenceBackend();

    @Test
    void lossAndMetricsInBatchesEqualTheWholeDataset() {
        try (Network n = Network.of(new Dense(be, DType.FLOAT64, 5, 4, WeightInit.XAVIER_UNIFORM, 3));
             Tensor x = be.randomUniform(DType.FLOAT64, Shape.of(23, 5), -1, 1, 1);
             Tensor y = be.randomUniform(DType.FLOAT64, Shape.of(23, 4), 0, 1, 2);
             Tensor scores = n.predict(x)) {
            ConfusionMatrix cm = new ConfusionMatrix(4);
            cm.add(scores, y);
            double mse = new MeanSquaredError().value(scores, y);
            for (int batch : new int[] {0, 1, 5, 23, 100}) {
                Evaluation e = n.evaluate(x, y, new MeanSquaredError(), batch, List.of(new Accuracy()));
                assertThat(e.samples()).isEqualTo(23);
                assertThat(e.loss()).as("batch %d", batch).isCloseTo(mse, within(1e-12));
                assertThat(e.metric("accuracy")).as("batch %d", batch).isEqualTo(cm.accuracy());
                assertThat(e.metrics()).containsOnlyKeys("accuracy");
            }
            assertThat(cm.accuracy()).isBetween(0.0, 1.0);
            assertThat(n.evaluate(x, y, new MeanSquaredError(), 7)).isCloseTo(mse, within(1e-12));
            Evaluation none = n.evaluate(x, y, new MeanSquaredError(), 7, List.of());
            assertThat(none.metrics()).isEmpty();
            assertThatThrownBy(() -> none.metric("accuracy")).hasMessageContaining("no metric 'accuracy' was evaluated");
            assertThatThrownBy(() -> n.evaluate(x, y, new MeanSquaredError(), 7, List.of(new Accuracy(), new Accuracy())))
                    .hasMessageContaining("two metrics named 'accuracy'");
        }
    }
}
