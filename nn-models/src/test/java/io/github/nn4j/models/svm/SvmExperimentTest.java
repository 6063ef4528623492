package io.github.nn4j.models.svm;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(r.grid()).hasSize(8);
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
    void subsetIsSortedDistinctAndSeeded() {
        int[] a = SvmExperiment.subset(1000, 100, 1);
        int[] b = SvmExperiment.subset(1000, 100, 1);
        int[] c = SvmExperiment.subset(1000, 100, 2);

        assertThat(a).hasSize(100).isSorted().doesNotHaveDuplicates().containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(SvmExperiment.subset(50, 100, 1)).hasSize(50);
    }
}
