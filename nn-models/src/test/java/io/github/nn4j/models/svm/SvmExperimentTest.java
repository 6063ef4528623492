package io.github.nn4j.models.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import org.junit.jupiter.api.Test;

class SvmExperimentTest {
    private static final Backend PURE = Backends.get("pure");

    @Test
    void choosesOnValidationRefitsOnAllAndTests() {
        // Features on very different scales, so that the two scalings give different candidates.
        double[] scales = {1, 1, 100};
        Blobs train = new Blobs(3, 200, 3, 3.0, scales, 11);
        Blobs validation = new Blobs(3, 60, 3, 3.0, scales, 12);
        Blobs test = new Blobs(3, 100, 3, 3.0, scales, 13);
        FeatureSet data = new FeatureSet(train.x, train.y, validation.x, validation.y, test.x, test.y);
        SvmSettings settings = new SvmSettings(List.of(FeatureScaling.PER_FEATURE, FeatureScaling.UNIFORM),
                List.of(0.5, 2.0), List.of(1.0, 10.0), 300, 2, 5);
        List<Integer> seen = new ArrayList<>();

        SvmResult r = new SvmExperiment(PURE, settings, new SvmExperimentListener() {
            @Override
            public void gridPointDone(int index, int total, GridPoint point) {
                seen.add(index);
                assertThat(total).isEqualTo(8);
            }
        }).run("blobs", data, 3);

        assertThat(r.grid()).hasSizeBetween(4, 8); // each (scaling, C) line tries at least its smallest gamma
        assertThat(seen).hasSize(r.grid().size()).isSorted().startsWith(1).endsWith(r.grid().size());
        assertLinesStopOnlyWhenAStepDoesNotPay(r.grid(), settings, validation.x.length, 3);
        assertThat(r.gridTrainSize()).isEqualTo(300);
        assertThat(r.trainSize()).isEqualTo(600);
        GridPoint chosen = r.grid().stream().filter(p -> p.candidate().equals(r.best())).findFirst().orElseThrow();
        assertThat(chosen).isEqualTo(GridChoice.choose(r.grid(), validation.x.length));
        double best = GridChoice.bestAccuracy(r.grid());
        assertThat(chosen.validationAccuracy())
                .isGreaterThanOrEqualTo(best - GridChoice.standardError(best, validation.x.length));
        assertThat(r.test().total()).isEqualTo(300);
        assertThat(r.testAccuracy()).isGreaterThan(0.85);
        assertThat(r.dimension()).isEqualTo(3);
    }

    @Test
    void goesUpInGammaWhileEachStepPaysAndStopsWhenOneDoesNot() {
        // A 4 x 4 checkerboard of two classes: a wide kernel (small gamma) cannot follow it, a narrow one can.
        Checkerboard train = new Checkerboard(1200, 31);
        Checkerboard validation = new Checkerboard(600, 32);
        Checkerboard test = new Checkerboard(300, 33);
        FeatureSet board = new FeatureSet(train.x, train.y, validation.x, validation.y, test.x, test.y);
        SvmSettings rising = new SvmSettings(List.of(FeatureScaling.UNIFORM), List.of(0.02, 0.2, 2.0, 20.0),
                List.of(10.0), 1200, 2, 5);

        SvmResult r = new SvmExperiment(PURE, rising, SvmExperimentListener.NONE).run("board", board, 2);

        assertThat(r.grid()).hasSizeGreaterThanOrEqualTo(3);
        assertLinesStopOnlyWhenAStepDoesNotPay(r.grid(), rising, validation.x.length, 2);
        assertThat(r.best().params().gamma()).isGreaterThanOrEqualTo(0.2 / 2);
        assertThat(r.testAccuracy()).isGreaterThan(0.85);

        // Well separated blobs: every gamma does about as well, so the search stops after the second.
        Blobs blobs = new Blobs(3, 200, 3, 6.0, Blobs.ones(3), 11);
        Blobs blobsValidation = new Blobs(3, 60, 3, 6.0, Blobs.ones(3), 12);
        FeatureSet easy = new FeatureSet(blobs.x, blobs.y, blobsValidation.x, blobsValidation.y, blobs.x, blobs.y);
        SvmSettings flat = new SvmSettings(List.of(FeatureScaling.UNIFORM), List.of(0.5, 1.0, 2.0, 4.0),
                List.of(10.0), 600, 2, 5);

        SvmResult e = new SvmExperiment(PURE, flat, SvmExperimentListener.NONE).run("easy", easy, 3);

        assertThat(e.grid()).hasSize(2);
        assertLinesStopOnlyWhenAStepDoesNotPay(e.grid(), flat, blobsValidation.x.length, 3);
    }

    /**
     * Each (scaling, C) line of the grid holds a prefix of the gamma list; every step but a line's last beat the
     * best before it by more than one standard error, and a line that stops short ends on a step that did not.
     */
    private static void assertLinesStopOnlyWhenAStepDoesNotPay(List<GridPoint> grid, SvmSettings settings,
            int validationSize, int dimension) {
        int i = 0;
        for (FeatureScaling scaling : settings.scalings()) {
            for (double c : settings.cValues()) {
                double best = Double.NaN;
                int k = 0;
                while (i < grid.size() && grid.get(i).candidate().scaling() == scaling
                        && grid.get(i).candidate().params().c() == c) {
                    GridPoint p = grid.get(i);
                    assertThat(p.candidate().params().gamma() * dimension)
                            .isCloseTo(settings.gammaFactors().get(k), within(1e-12));
                    boolean last = i + 1 == grid.size() || grid.get(i + 1).candidate().scaling() != scaling
                            || grid.get(i + 1).candidate().params().c() != c;
                    if (k > 0) {
                        boolean paid = GridChoice.clearlyBetter(p.validationAccuracy(), best, validationSize);
                        assertThat(paid).as("step %d of %s, C=%s", k, scaling, c)
                                .isEqualTo(!last || k + 1 == settings.gammaFactors().size() && paid);
                    }
                    best = k == 0 ? p.validationAccuracy() : Math.max(best, p.validationAccuracy());
                    i++;
                    k++;
                }
                assertThat(k).as("points of %s, C=%s", scaling, c).isPositive();
            }
        }
        assertThat(i).isEqualTo(grid.size());
    }

    /** Points uniform in [0, 4)², labelled by the parity of the unit square they fall in. */
    private static final class Checkerboard {
        final double[][] x;
        final int[] y;

        Checkerboard(int n, long seed) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            x = new double[n][2];
            y = new int[n];
            for (int i = 0; i < n; i++) {
                x[i][0] = 4 * random.nextDouble();
                x[i][1] = 4 * random.nextDouble();
                y[i] = ((int) x[i][0] + (int) x[i][1]) % 2;
            }
        }
    }

    @Test
    void subsetIsSortedDistinctAndSeeded() {
        int[] a = SvmExperiment.subset(1000, 100, 1);
        int[] b = SvmExperiment.subset(1000, 100, 1);
        int[] c = SvmExperiment.subset(1000, 100, 2);

        assertThat(a).hasSize(100).isSorted().doesNotHaveDuplicates().containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(SvmExperiment.subset(50, 100, 1)).hasSize(50);
    }
}
