package io.github.nn4j.models.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    @Test
    void countsTruthAgainstPrediction() {
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 1, 2, 2, 2}, new int[] {0, 1, 1, 2, 0, 2}, 3);

        assertThat(cm.counts()).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 2}});
        assertThat(cm.correct()).isEqualTo(4);
        assertThat(cm.total()).isEqualTo(6);
        assertThat(cm.accuracy()).isEqualTo(4.0 / 6);
    }

    @Test
    void rejectsLabelsOutOfRangeAndLengthMismatch() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, 3))
                .hasMessageContaining("sample 1: label 3 or prediction 1 is not in [0, 3)");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0}, new int[] {0, 1}, 3))
                .hasMessageContaining("1 true labels but 2 predictions");
    }
}
