package io.github.nn4j.models.svm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PCA features and the whole SVM experiment (grid, final fit, prediction) give identical results in two runs
 * and on one or two pure-backend and SVM threads. The problem is sized so that the backend's matrix products
 * (covariance, projection, prediction) take its multi-threaded path.
 */
class SvmDeterminismTest {
    private static final int CLASSES = 6;
    private static final int DIMS = 60;
    private static final int COMPONENTS = 16;

    @Test
    void sameFeaturesAndResultsOnOneAndTwoThreadsAndAcrossRuns() {
        Outcome oneThread = run(1);
        Outcome twoThreads = run(2);
        Outcome again = run(2);

        for (Outcome other : List.of(twoThreads, again)) {
            for (int i = 0; i < oneThread.features.length; i++) {
                assertThat(other.features[i]).containsExactly(oneThread.features[i]);
            }
            assertThat(other.describe()).isEqualTo(oneThread.describe());
        }
        // A meaningful problem: neither trivial nor hopeless.
        assertThat(oneThread.result.testAccuracy()).isBetween(0.6, 0.995);
    }

    private record Outcome(double[][] features, SvmResult result) {
        /** Everything the experiment reports except wall times. */
        List<Object> describe() {
            List<Object> out = new ArrayList<>();
            for (GridPoint p : result.grid()) {
                out.add(p.candidate());
                out.add(p.validationAccuracy());
            }
            out.add(result.best());
            out.add(result.distinctSupportVectors());
            out.add(result.validationAccuracy());
            for (long[] row : result.test().counts()) {
                out.add(java.util.Arrays.toString(row));
            }
            return out;
        }
    }

    private static Outcome run(int threads) {
        Backend backend = PureBackends.withThreads(threads);
        Blobs train = new Blobs(CLASSES, 200, DIMS, 2.5, Blobs.ones(DIMS), 21);
        Blobs validation = new Blobs(CLASSES, 50, DIMS, 2.5, Blobs.ones(DIMS), 22);
        Blobs test = new Blobs(CLASSES, 100, DIMS, 2.5, Blobs.ones(DIMS), 23);
        PrincipalComponents pca = PrincipalComponents.fit(backend, train.x, COMPONENTS);
        FeatureSet data = new FeatureSet(pca.project(backend, train.x), train.y, pca.project(backend, validation.x),
                validation.y, pca.project(backend, test.x), test.y);
        SvmSettings settings = new SvmSettings(List.of(FeatureScaling.UNIFORM), List.of(0.5, 1.0), List.of(10.0),
                1000, threads, 9);
        SvmResult result = new SvmExperiment(backend, settings, SvmExperimentListener.NONE).run("blobs", data, CLASSES);
        return new Outcome(data.train(), result);
    }
}
