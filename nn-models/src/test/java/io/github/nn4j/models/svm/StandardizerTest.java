package io.github.nn4j.models.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardizerTest {
    private final double[][] train = {{1, 10, 5}, {3, 30, 5}, {5, 50, 5}, {7, 70, 5}};

    @Test
    void perFeatureGivesZeroMeanUnitVarianceAndCentresConstantFeatures() {
        Standardizer s = Standardizer.fit(train, FeatureScaling.PER_FEATURE);

        double[][] z = s.apply(train);

        for (int j = 0; j < 2; j++) {
            double mean = 0;
            double sq = 0;
            for (double[] row : z) {
                mean += row[j] / z.length;
                sq += row[j] * row[j] / z.length;
            }
            assertThat(mean).isCloseTo(0, within(1e-12));
            assertThat(sq).isCloseTo(1, within(1e-12));
        }
        assertThat(z[2][2]).isZero();
        assertThat(s.constantFeatures()).isEqualTo(1);
        // the mean and sd come from the training data: 9 is (9 - 4) / sqrt(5) standard deviations out
        assertThat(s.apply(new double[][] {{9, 40, 6}})[0]).containsExactly(
                new double[] {5 / Math.sqrt(5), 0, 1}, within(1e-12));
    }

    @Test
    void uniformKeepsTheRatiosBetweenFeaturesAndGivesUnitAverageVariance() {
        Standardizer s = Standardizer.fit(train, FeatureScaling.UNIFORM);

        double[][] z = s.apply(train);

        // variances 5, 500, 0: mean variance 505/3; every feature divided by its root
        double factor = 1 / Math.sqrt(505.0 / 3);
        assertThat(z[0]).containsExactly(new double[] {-3 * factor, -30 * factor, 0}, within(1e-12));
        double total = 0;
        for (double[] row : z) {
            for (double v : row) {
                total += v * v;
            }
        }
        assertThat(total / (z.length * 3)).isCloseTo(1, within(1e-12));
    }

    @Test
    void widthMustMatch() {
        Standardizer s = Standardizer.fit(train);
        assertThatThrownBy(() -> s.apply(new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature vector of width 2, expected 3");
    }
}
