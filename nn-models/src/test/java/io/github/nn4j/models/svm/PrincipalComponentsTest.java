package io.github.nn4j.models.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {
    private final Backend pure = Backends.get("pure");

    @Test
    void recoversAxesVariancesAndCoordinatesOfAKnownCloud() {
        // Four points mean ± 3u ± 1w, u and w orthonormal: covariance 9·uuᵀ + 1·wwᵀ, coordinates (±3, ±1).
        double[] u = {1 / 3.0, 2 / 3.0, 2 / 3.0};
        double[] w = {2 / 3.0, 1 / 3.0, -2 / 3.0};
        double[] mean = {10, -5, 0.5};
        double[][] signs = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
        double[][] x = new double[4][3];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = mean[j] + 3 * signs[i][0] * u[j] + signs[i][1] * w[j];
            }
        }

        PrincipalComponents pca = PrincipalComponents.fit(pure, x, 2);

        assertThat(pca.components()).isEqualTo(2);
        assertThat(pca.dimension()).isEqualTo(3);
        assertThat(pca.mean()).containsExactly(mean, within(1e-14));
        assertThat(pca.variances()).containsExactly(new double[] {9, 1}, within(1e-13));
        // Sign convention: the largest-magnitude entry is positive (u as given; w's largest is the tie 2/3, -2/3,
        // so the first of them, index 0, is positive: w as given).
        assertThat(pca.axis(0)).containsExactly(u, within(1e-14));
        assertThat(pca.axis(1)).containsExactly(w, within(1e-14));
        double[][] y = pca.project(pure, x);
        for (int i = 0; i < 4; i++) {
            assertThat(y[i]).containsExactly(new double[] {3 * signs[i][0], signs[i][1]}, within(1e-13));
        }
    }

    @Test
    void findsTheSubspaceOfLowRankDataUnderNoiseAndProjectsLikeTheDefinition() {
        int m = 2000;
        int d = 30;
        SplittableRandom random = new SplittableRandom(8);
        double[][] x = new double[m][d];
        for (double[] row : x) {
            double a = 5 * random.nextGaussian();
            double b = 2 * random.nextGaussian();
            for (int j = 0; j < d; j++) {
                // variance along e0 (25) and along (e1 + e2)/√2 (4), noise 0.01² everywhere
                row[j] = (j == 0 ? a : 0) + (j == 1 || j == 2 ? b / Math.sqrt(2) : 0) + 0.01 * random.nextGaussian() + 7;
            }
        }

        PrincipalComponents pca = PrincipalComponents.fit(pure, x, 3);

        assertThat(pca.axis(0)[0]).isCloseTo(1, within(1e-4));
        assertThat(pca.axis(1)[1]).isCloseTo(Math.sqrt(0.5), within(1e-3));
        assertThat(pca.axis(1)[2]).isCloseTo(Math.sqrt(0.5), within(1e-3));
        assertThat(pca.variances()[0]).isCloseTo(25, within(2.5));
        assertThat(pca.variances()[2]).isCloseTo(1e-4, within(3e-5));
        double[] mean = pca.mean();
        double[][] y = pca.project(pure, x);
        for (int i = 0; i < m; i += 97) {
            for (int c = 0; c < 3; c++) {
                double expected = 0;
                double[] axis = pca.axis(c);
                for (int j = 0; j < d; j++) {
                    expected += (x[i][j] - mean[j]) * axis[j];
                }
                assertThat(y[i][c]).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void sameResultsOnOneAndTwoPureThreads() {
        double[][] x = randomRows(3000, 200, 4);
        Backend one = PureBackends.withThreads(1);
        Backend two = PureBackends.withThreads(2);

        PrincipalComponents a = PrincipalComponents.fit(one, x, 20);
        PrincipalComponents b = PrincipalComponents.fit(two, x, 20);

        assertThat(b.variances()).containsExactly(a.variances());
        for (int j = 0; j < 20; j++) {
            assertThat(b.axis(j)).containsExactly(a.axis(j));
        }
        double[][] ya = a.project(one, x);
        double[][] yb = b.project(two, x);
        for (int i = 0; i < x.length; i++) {
            assertThat(yb[i]).containsExactly(ya[i]);
        }
    }

    @Test
    void rejectsBadInput() {
        double[][] ok = randomRows(10, 4, 1);

        assertThatThrownBy(() -> PrincipalComponents.fit(pure, new double[0][], 1))
                .hasMessageContaining("no rows");
        assertThatThrownBy(() -> PrincipalComponents.fit(pure, ok, 5))
                .hasMessageContaining("components must be in 1..4, got 5");
        assertThatThrownBy(() -> PrincipalComponents.fit(pure, ok, 0))
                .hasMessageContaining("components must be in 1..4, got 0");
        assertThatThrownBy(() -> PrincipalComponents.fit(pure, new double[][] {{1, 2}, {3}}, 1))
                .hasMessageContaining("row 1 has width 1, row 0 has 2");
        assertThatThrownBy(() -> PrincipalComponents.fit(pure, new double[][] {{1, 2}, {3, Double.NaN}}, 1))
                .hasMessageContaining("row 1, column 1 is NaN");
        PrincipalComponents pca = PrincipalComponents.fit(pure, ok, 2);
        assertThatThrownBy(() -> pca.project(pure, new double[][] {{1, 2, 3}}))
                .hasMessageContaining("row 0 has width 3, the components were fitted to width 4");
        assertThat(pca.project(pure, new double[0][])).isEmpty();
    }

    private static double[][] randomRows(int m, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[m][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextDouble() * (1 + j % 5);
            }
        }
        return x;
    }
}
