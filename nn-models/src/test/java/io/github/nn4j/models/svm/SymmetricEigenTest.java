package io.github.nn4j.models.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void twoByTwoHasItsTextbookAnswerWithTheSignConvention() {
        SymmetricEigen eig = SymmetricEigen.of(new double[] {2, 1, 1, 2}, 2);

        double h = Math.sqrt(0.5);
        assertThat(eig.values()).containsExactly(new double[] {3, 1}, within(1e-15));
        assertThat(eig.vector(0)).containsExactly(new double[] {h, h}, within(1e-15));
        // (1, -1)/√2 and (-1, 1)/√2 tie in magnitude: the convention makes the lowest index positive.
        assertThat(eig.vector(1)).containsExactly(new double[] {h, -h}, within(1e-15));
    }

    @Test
    void secondDifferenceMatrixHasItsKnownSpectrum() {
        // tridiag(-1, 2, -1) of order n: eigenvalues 2 - 2cos(kπ/(n+1)), eigenvectors sin(ikπ/(n+1)), k = 1..n.
        int n = 120;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 2;
            if (i > 0) {
                a[i * n + i - 1] = -1;
                a[(i - 1) * n + i] = -1;
            }
        }

        SymmetricEigen eig = SymmetricEigen.of(a, n);

        for (int j = 0; j < n; j++) {
            int k = n - j; // descending order
            double theta = k * Math.PI / (n + 1);
            assertThat(eig.value(j)).as("eigenvalue %d", j).isCloseTo(2 - 2 * Math.cos(theta), within(1e-13));
            double[] expected = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                expected[i] = Math.sin((i + 1) * theta);
                norm += expected[i] * expected[i];
            }
            double[] v = eig.vector(j);
            double sign = Math.signum(dot(v, expected));
            for (int i = 0; i < n; i++) {
                assertThat(v[i]).isCloseTo(sign * expected[i] / Math.sqrt(norm), within(1e-11));
            }
        }
        eig.verify(a, n, 1e-13);
    }

    @Test
    void recoversAPrescribedSpectrumWithRepeatedAndZeroEigenvalues() {
        int n = 150;
        double[] lambda = new double[n];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            lambda[i] = i < 40 ? 0 : i < 50 ? 7.5 : 100 * random.nextDouble();
        }
        lambda[n - 1] = -4; // one negative eigenvalue too
        double[][] q = randomOrthogonal(n, 11);
        double[] a = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[r][k] * lambda[k] * q[c][k];
                }
                a[r * n + c] = s;
            }
        }

        SymmetricEigen eig = SymmetricEigen.of(a, n);

        double[] expected = lambda.clone();
        Arrays.sort(expected);
        for (int j = 0; j < n; j++) {
            assertThat(eig.value(j)).isCloseTo(expected[n - 1 - j], within(1e-11));
        }
        eig.verify(a, n, 1e-13);
        // The eigenvalue 7.5 has a 10-dimensional eigenspace: its vectors must span q's columns 40..49.
        int first = 0;
        while (eig.value(first) > 7.5 + 1e-9) {
            first++;
        }
        for (int j = first; j < first + 10; j++) {
            double[] v = eig.vector(j);
            double inSpace = 0;
            for (int k = 40; k < 50; k++) {
                double p = 0;
                for (int i = 0; i < n; i++) {
                    p += v[i] * q[i][k];
                }
                inSpace += p * p;
            }
            assertThat(inSpace).as("eigenvector %d in the eigenspace of 7.5", j).isCloseTo(1, within(1e-10));
        }
    }

    @Test
    void diagonalIdentityZeroAndOneByOneMatrices() {
        SymmetricEigen diag = SymmetricEigen.of(new double[] {1, 0, 0, 0, 5, 0, 0, 0, 3}, 3);
        assertThat(diag.values()).containsExactly(5, 3, 1);
        assertThat(diag.vector(0)).containsExactly(0, 1, 0);
        assertThat(diag.vector(1)).containsExactly(0, 0, 1);
        assertThat(diag.vector(2)).containsExactly(1, 0, 0);

        double[] identity = new double[16];
        for (int i = 0; i < 4; i++) {
            identity[i * 4 + i] = 1;
        }
        SymmetricEigen id = SymmetricEigen.of(identity, 4);
        assertThat(id.values()).containsExactly(1, 1, 1, 1);
        id.verify(identity, 4, 1e-15);

        SymmetricEigen zero = SymmetricEigen.of(new double[9], 3);
        assertThat(zero.values()).containsExactly(0, 0, 0);

        SymmetricEigen one = SymmetricEigen.of(new double[] {-2.5}, 1);
        assertThat(one.values()).containsExactly(-2.5);
        assertThat(one.vector(0)).containsExactly(1);
    }

    @Test
    void randomCovarianceLikeMatrixHasSmallResidualsAndIsReproducible() {
        // A Gram matrix XᵀX of rank 60 in 200 dimensions: the shape of a pixel covariance (many zero eigenvalues).
        int n = 200;
        int rank = 60;
        SplittableRandom random = new SplittableRandom(5);
        double[][] x = new double[rank][n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                row[i] = random.nextGaussian() * (1 + i % 7);
            }
        }
        double[] a = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                for (double[] row : x) {
                    a[r * n + c] += row[r] * row[c];
                }
            }
        }

        SymmetricEigen eig = SymmetricEigen.of(a, n);

        eig.verify(a, n, 1e-13);
        assertThat(eig.value(rank - 1)).isGreaterThan(1e-6 * eig.value(0));
        assertThat(Math.abs(eig.value(rank))).isLessThan(1e-12 * eig.value(0));
        SymmetricEigen again = SymmetricEigen.of(a, n);
        assertThat(again.values()).containsExactly(eig.values());
        for (int j = 0; j < n; j++) {
            assertThat(again.vector(j)).containsExactly(eig.vector(j));
        }
    }

    @Test
    void readsOnlyTheLowerTriangle() {
        double[] lower = {4, 99, 1, 3};

        assertThat(SymmetricEigen.of(lower, 2).values())
                .containsExactly(SymmetricEigen.of(new double[] {4, 1, 1, 3}, 2).values());
    }

    @Test
    void verifyRejectsAWrongDecomposition() {
        double[] a = {2, 1, 1, 2};
        SymmetricEigen eig = SymmetricEigen.of(a, 2);

        assertThatThrownBy(() -> eig.verify(new double[] {2, 1.1, 1.1, 2}, 2, 1e-10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("eigenpair 0 is wrong");
    }

    @Test
    void rejectsWrongSizesAndNonFiniteEntries() {
        assertThatThrownBy(() -> SymmetricEigen.of(new double[5], 2))
                .hasMessageContaining("expected a 2 x 2 matrix (4 entries), got 5 entries");
        assertThatThrownBy(() -> SymmetricEigen.of(new double[] {1, 0, Double.NaN, 1}, 2))
                .hasMessageContaining("entry (1, 0) is NaN");
    }

    /** The product of n random Householder reflections: an orthogonal matrix, columns are the basis. */
    private static double[][] randomOrthogonal(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        for (int h = 0; h < n; h++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextGaussian();
            }
            double vv = dot(v, v);
            for (double[] row : q) {
                double f = 2 * dot(row, v) / vv;
                for (int i = 0; i < n; i++) {
                    row[i] -= f * v[i];
                }
            }
        }
        return q;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
