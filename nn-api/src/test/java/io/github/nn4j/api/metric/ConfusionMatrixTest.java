package io.github.nn4j.api.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Counts, accuracy and per-class precision and recall against a small case worked out by hand. */
class ConfusionMatrixTest {
    private final Backend be = new ReferenceBackend();

    private Tensor matrix(double[][] rows) {
        return be.fromMatrix(DType.FLOAT32, rows);
    }

    /**
     * Six samples of three classes; predicted (argmax) 0, 1, 1, 2, 2, 0 for actual 0, 0, 1, 1, 2, 2.
     * Row 4 ties classes 1 and 2 at 0.4: the first wins. Row 5 has class 1 twice (one-hot labels not required).
     */
    private static final double[][] SCORES = {
        {0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.3, 0.6}, {0.2, 0.2, 0.4}, {0.9, 0.05, 0.05}};
    private static final double[][] LABELS = {{0}, {0}, {1}, {1}, {2}, {2}};
    private static final double[][] ONE_HOT = {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}};

    @Test
    void countsPrecisionAndRecallFromLabelsOrOneHot() {
        for (double[][] targets : new double[][][] {LABELS, ONE_HOT}) {
            ConfusionMatrix cm = new ConfusionMatrix(3);
            try (Tensor p = matrix(SCORES); Tensor y = matrix(targets)) {
                cm.add(p, y);
            }
            assertThat(cm.counts()).isDeepEqualTo(new long[][] {{1, 1, 0}, {0, 1, 1}, {1, 0, 1}});
            assertThat(cm.total()).isEqualTo(6);
            assertThat(cm.correct()).isEqualTo(3);
            assertThat(cm.accuracy()).isEqualTo(0.5);
            // precision: column sums 2, 2, 2 → 1/2 each; recall: row sums 2, 2, 2 → 1/2 each
            for (int c = 0; c < 3; c++) {
                assertThat(cm.precision(c)).isEqualTo(0.5);
                assertThat(cm.recall(c)).isEqualTo(0.5);
            }
            assertThat(cm).hasToString("[[1, 1, 0], [0, 1, 1], [1, 0, 1]]");
        }
    }

    @Test
    void batchesAccumulateAndSingleSamplesCanBeAdded() {
        ConfusionMatrix cm = new ConfusionMatrix(3);
        try (Tensor p1 = matrix(new double[][] {SCORES[0], SCORES[1]}); Tensor y1 = matrix(new double[][] {{0}, {0}});
             Tensor p2 = matrix(new double[][] {SCORES[5]}); Tensor y2 = matrix(new double[][] {{2}})) {
            cm.add(p1, y1);
            cm.add(p2, y2);
        }
        cm.add(1, 1);
        cm.add(1, 1);
        // counts: (0,0) 1, (0,1) 1, (2,0) 1, (1,1) 2
        assertThat(cm.count(0, 0)).isEqualTo(1);
        assertThat(cm.count(0, 1)).isEqualTo(1);
        assertThat(cm.count(2, 0)).isEqualTo(1);
        assertThat(cm.count(1, 1)).isEqualTo(2);
        assertThat(cm.precision(1)).isEqualTo(2.0 / 3);
        assertThat(cm.recall(0)).isEqualTo(0.5);
        assertThat(cm.precision(2)).as("nothing predicted as 2").isNaN();
        assertThat(cm.recall(2)).isZero();
        assertThat(new ConfusionMatrix(4).recall(3)).as("no sample of 3").isNaN();
        assertThat(new ConfusionMatrix(4).accuracy()).isNaN();
    }

    @Test
    void decidedClassesMakeTheSameMatrix() {
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 2, 2, 0}, 3);
        assertThat(cm.counts()).isDeepEqualTo(new long[][] {{1, 1, 0}, {0, 1, 1}, {1, 0, 1}});
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}, 3))
                .hasMessageContaining("2 actual classes but 1 predictions");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, 3))
                .hasMessageContaining("(actual 3, predicted 1)");
    }

    @Test
    void aBinaryMatrixThresholdsOneColumn() {
        ConfusionMatrix probabilities = ConfusionMatrix.binary(0.5);
        ConfusionMatrix logits = ConfusionMatrix.binary(0);
        try (Tensor p = matrix(new double[][] {{0.9}, {0.4}, {0.6}, {-0.2}}); Tensor y = matrix(new double[][] {{1}, {0}, {0}, {1}})) {
            probabilities.add(p, y);
            logits.add(p, y);
        }
        assertThat(probabilities.counts()).isDeepEqualTo(new long[][] {{1, 1}, {1, 1}});
        assertThat(logits.counts()).isDeepEqualTo(new long[][] {{0, 2}, {1, 1}});
        assertThat(logits.precision(1)).isEqualTo(1.0 / 3);
    }

    @Test
    void outputsWithNaNHaveNoPredictionButCount() {
        ConfusionMatrix cm = new ConfusionMatrix(2);
        try (Tensor p = matrix(new double[][] {{0.1, Double.NaN}, {0.9, 0.1}}); Tensor y = matrix(new double[][] {{1}, {0}})) {
            cm.add(p, y);
        }
        assertThat(cm.unpredicted()).isEqualTo(1);
        assertThat(cm.total()).isEqualTo(2);
        assertThat(cm.accuracy()).isEqualTo(0.5);
        assertThat(cm.recall(1)).as("the NaN row was a 1").isZero();
        assertThat(cm.counts()).isDeepEqualTo(new long[][] {{1, 0}, {0, 0}});
    }

    @Test
    void badShapesAndLabelsAreNamed() {
        ConfusionMatrix cm = new ConfusionMatrix(3);
        try (Tensor p = matrix(SCORES); Tensor two = matrix(new double[][] {{0.5, 0.5}}); Tensor y = matrix(LABELS);
             Tensor wide = matrix(new double[][] {{1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 0}});
             Tensor fractional = matrix(new double[][] {{0}, {0.5}, {1}, {1}, {2}, {2}});
             Tensor outOfRange = matrix(new double[][] {{0}, {0}, {1}, {3}, {2}, {2}});
             Tensor fewer = matrix(new double[][] {{0}, {1}});
             Tensor nanTarget = matrix(new double[][] {{1, 0, 0}, {1, 0, 0}, {0, Double.NaN, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}})) {
            assertThatThrownBy(() -> cm.add(two, y)).hasMessageContaining("outputs [1, 2] need 3 columns");
            assertThatThrownBy(() -> cm.add(p, wide)).hasMessageContaining("neither one-hot for the 3 classes");
            assertThatThrownBy(() -> cm.add(p, fractional)).hasMessageContaining("the label of row 1 is 0.5");
            assertThatThrownBy(() -> cm.add(p, outOfRange)).hasMessageContaining("the label of row 3 is 3.0, not a class in 0..2");
            assertThatThrownBy(() -> cm.add(p, fewer)).hasMessageContaining("with the same samples");
            assertThatThrownBy(() -> cm.add(p, nanTarget)).hasMessageContaining("row 2 of the targets holds NaN");
            assertThat(cm.total()).as("nothing counted from a refused batch").isZero();
        }
        assertThatThrownBy(() -> new ConfusionMatrix(1)).hasMessageContaining("at least 2 classes");
        assertThat(cm.classes()).isEqualTo(3);
        try (Tensor oneColumn = matrix(new double[][] {{0.7}}); Tensor label = matrix(new double[][] {{1}})) {
            assertThatThrownBy(() -> cm.add(oneColumn, label)).hasMessageContaining("outputs [1, 1] need 3 columns")
                    .hasMessageNotContaining("binary");
        }
        assertThatThrownBy(() -> cm.add(3, 0)).hasMessageContaining("(actual 3, predicted 0)");
        assertThatThrownBy(() -> cm.add(0, -1)).hasMessageContaining("(actual 0, predicted -1)");
        assertThatThrownBy(() -> ConfusionMatrix.binary(Double.NaN)).hasMessageContaining("threshold is NaN");
    }
}
