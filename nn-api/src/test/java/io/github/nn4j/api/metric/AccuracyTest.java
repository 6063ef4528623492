package io.github.nn4j.api.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AccuracyTest {
    private final Backend be = new ReferenceBackend();

    @Test
    void countsArgmaxMatchesOverBatches() {
        Metric.Accumulator acc = new Accuracy().accumulator();
        assertThat(acc.value()).isNaN();
        try (Tensor p1 = be.fromMatrix(DType.FLOAT64, new double[][] {{2, 1, 0}, {0, 3, 1}, {1, 1, 5}});
             Tensor y1 = be.fromMatrix(DType.FLOAT64, new double[][] {{0}, {2}, {2}});
             Tensor p2 = be.fromMatrix(DType.FLOAT64, new double[][] {{-1, -2, -3}});
             Tensor y2 = be.fromMatrix(DType.FLOAT64, new double[][] {{0, 1, 0}})) {
            acc.add(p1, y1);
            assertThat(acc.value()).isEqualTo(2.0 / 3);
            acc.add(p2, y2);
            assertThat(acc.value()).isEqualTo(0.5);
        }
    }

    @Test
    void singleColumnsUseTheThreshold() {
        try (Tensor p = be.fromMatrix(DType.FLOAT32, new double[][] {{0.3}, {0.7}, {-0.1}, {Double.NaN}});
             Tensor y = be.fromMatrix(DType.FLOAT32, new double[][] {{1}, {1}, {0}, {0}})) {
            Metric.Accumulator half = new Accuracy().accumulator();
            half.add(p, y);
            assertThat(half.value()).as("0.3 → 0, 0.7 → 1, −0.1 → 0, NaN wrong").isEqualTo(0.5);
            Metric.Accumulator zero = Accuracy.withThreshold(0).accumulator();
            zero.add(p, y);
            assertThat(zero.value()).as("0.3 → 1, 0.7 → 1, −0.1 → 0, NaN wrong").isEqualTo(0.75);
        }
        assertThat(Accuracy.withThreshold(0).threshold()).isZero();
        assertThat(Accuracy.withThreshold(0.3).threshold()).isEqualTo(0.3);
        assertThat(Accuracy.withThreshold(0)).hasToString("accuracy (threshold 0.0)");
        assertThat(new Accuracy()).hasToString("accuracy");
        assertThat(new Accuracy().name()).isEqualTo("accuracy");
        assertThat(new Accuracy().higherIsBetter()).isTrue();
        assertThatThrownBy(() -> Accuracy.withThreshold(Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void aScoreAtTheThresholdIsClassZeroAndTiesGoToTheFirstClass() {
        try (Tensor p = be.fromMatrix(DType.FLOAT32, new double[][] {{0.5}, {0.75}});
             Tensor y = be.fromMatrix(DType.FLOAT32, new double[][] {{0}, {1}});
             Tensor tied = be.fromMatrix(DType.FLOAT32, new double[][] {{0.4, 0.4, 0.2}, {0.1, 0.45, 0.45}});
             Tensor labels = be.fromMatrix(DType.FLOAT32, new double[][] {{0}, {1}})) {
            Metric.Accumulator binary = new Accuracy().accumulator();
            binary.add(p, y);
            assertThat(binary.value()).isEqualTo(1);
            Metric.Accumulator argmax = new Accuracy().accumulator();
            argmax.add(tied, labels);
            assertThat(argmax.value()).isEqualTo(1);
        }
    }

    @Test
    void aBinaryLabelMustBeZeroOrOne() {
        try (Tensor p = be.fromMatrix(DType.FLOAT32, new double[][] {{0.3}, {0.7}});
             Tensor y = be.fromMatrix(DType.FLOAT32, new double[][] {{1}, {0.5}})) {
            assertThatThrownBy(() -> new Accuracy().accumulator().add(p, y))
                    .hasMessageContaining("the label of row 1 is 0.5").hasMessageContaining("0..1");
        }
    }

    @Test
    void rankOtherThanTwoIsRefused() {
        try (Tensor p = be.fromArray(new float[] {1, 2, 3}, io.github.nn4j.api.tensor.Shape.of(3));
             Tensor y = be.fromMatrix(DType.FLOAT32, new double[][] {{1}, {0}, {1}})) {
            assertThatThrownBy(() -> new Accuracy().accumulator().add(p, y))
                    .hasMessageContaining("need outputs [samples, classes]");
        }
    }
}
