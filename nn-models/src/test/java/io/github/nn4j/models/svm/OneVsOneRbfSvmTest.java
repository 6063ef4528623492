package io.github.nn4j.models.svm;

import io.github.nn4j.api.metric.ConfusionMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import org.junit.jupiter.api.Test;
import smile.classification.OneVersusOne;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;

class OneVsOneRbfSvmTest {
    private static final Backend PURE = Backends.get("pure");
    private static final int CLASSES = 4;
    private final Blobs train = new Blobs(CLASSES, 150, 3, 3.0, Blobs.ones(3), 1);
    private final Blobs test = new Blobs(CLASSES, 100, 3, 3.0, Blobs.ones(3), 2);
    private final RbfSvmParams params = new RbfSvmParams(0.3, 5.0);

    @Test
    void separatesGaussianBlobsOnUnseenPoints() {
        OneVsOneRbfSvm svm = OneVsOneRbfSvm.fit(PURE, train.x, train.y, CLASSES, params, 7, 2, SvmProgressListener.NONE);

        double accuracy = ConfusionMatrix.of(test.y, svm.predict(test.x, 2), CLASSES).accuracy();

        // The blobs overlap a little (centres 3 noise-sds apart), so a perfect score is not expected; chance is 0.25.
        assertThat(accuracy).isGreaterThan(0.85);
        assertThat(svm.distinctSupportVectors()).isPositive().isLessThan(train.x.length);
        assertThat(svm.totalSupportVectors()).isGreaterThanOrEqualTo(svm.distinctSupportVectors());
    }

    @Test
    void votesLikeSmilesOneVersusOneOnTheSameBinaryMachines() {
        OneVsOneRbfSvm ours = OneVsOneRbfSvm.fit(PURE, train.x, train.y, CLASSES, params, 7, 1, SvmProgressListener.NONE);
        // Smile gives pair (i, j) the samples of both classes in their original order, class i as +1, and may
        // train pairs in any order or in parallel; recognise the pair by its samples and seed it like we do.
        Map<double[], Integer> labelOf = new IdentityHashMap<>();
        for (int n = 0; n < train.x.length; n++) {
            labelOf.put(train.x[n], train.y[n]);
        }
        OneVersusOne<double[]> smile = OneVersusOne.fit(train.x, train.y, (x, y) -> {
            int i = -1;
            int j = -1;
            for (int n = 0; n < x.length && (i < 0 || j < 0); n++) {
                if (y[n] > 0) {
                    i = labelOf.get(x[n]);
                } else {
                    j = labelOf.get(x[n]);
                }
            }
            MathEx.setSeed(7 * 1_000_003L + (long) i * CLASSES + j);
            return SVM.fit(x, y, new GaussianKernel(params.sigma()), params.c(), 1e-3, 1);
        });

        int[] expected = new int[test.x.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = smile.predict(test.x[i]);
        }

        assertThat(ours.predict(test.x, 2)).containsExactly(expected);
    }

    @Test
    void sameSeedSameModelAndSinglePredictionAgreesWithBatch() {
        OneVsOneRbfSvm a = OneVsOneRbfSvm.fit(PURE, train.x, train.y, CLASSES, params, 3, 2, SvmProgressListener.NONE);
        OneVsOneRbfSvm b = OneVsOneRbfSvm.fit(PURE, train.x, train.y, CLASSES, params, 3, 1, SvmProgressListener.NONE);

        int[] batch = a.predict(test.x, 2);

        assertThat(b.predict(test.x, 1)).containsExactly(batch);
        assertThat(a.distinctSupportVectors()).isEqualTo(b.distinctSupportVectors());
        for (int i = 0; i < test.x.length; i += 37) {
            assertThat(a.predict(test.x[i])).isEqualTo(batch[i]);
        }
    }

    @Test
    void theOrderInWhichPairsStartDoesNotChangeTheModel() {
        OneVsOneRbfSvm natural = OneVsOneRbfSvm.fit(PURE, train.x, train.y, CLASSES, params, 3, 2,
                SvmProgressListener.NONE);
        double[] reversed = {1, 2, 3, 4, 5, 6}; // the last pair first
        OneVsOneRbfSvm reordered = OneVsOneRbfSvm.fit(PURE, train.x, train.y, CLASSES, params, 3, 2,
                SvmProgressListener.NONE, reversed);

        assertThat(reordered.supportVectorsPerPair()).containsExactly(natural.supportVectorsPerPair());
        assertThat(Arrays.stream(natural.supportVectorsPerPair()).sum()).isEqualTo(natural.totalSupportVectors());
        assertThat(reordered.predict(test.x, 2)).containsExactly(natural.predict(test.x, 2));
        assertThatThrownBy(() -> OneVsOneRbfSvm.fit(PURE, train.x, train.y, CLASSES, params, 3, 2,
                SvmProgressListener.NONE, new double[5])).hasMessageContaining("effort: 5 estimates for 6 pairs");
    }

    @Test
    void reportsProgressOncePerPair() {
        int[] calls = new int[1];
        int[] last = new int[2];
        OneVsOneRbfSvm.fit(PURE, train.x, train.y, CLASSES, params, 3, 2, (done, total) -> {
            synchronized (calls) {
                calls[0]++;
                last[0] = Math.max(last[0], done);
                last[1] = total;
            }
        });

        assertThat(calls[0]).isEqualTo(6);
        assertThat(last).containsExactly(6, 6);
    }

    @Test
    void rejectsBadLabelsMissingClassesAndWrongWidths() {
        int[] bad = train.y.clone();
        bad[5] = CLASSES;
        int[] missing = Arrays.stream(train.y).map(c -> c == 2 ? 1 : c).toArray();
        OneVsOneRbfSvm svm = OneVsOneRbfSvm.fit(PURE, train.x, train.y, CLASSES, params, 3, 2, SvmProgressListener.NONE);

        assertThatThrownBy(() -> OneVsOneRbfSvm.fit(PURE, train.x, bad, CLASSES, params, 3, 2, SvmProgressListener.NONE))
                .hasMessageContaining("label 4 is not in [0, 4)");
        assertThatThrownBy(() -> OneVsOneRbfSvm.fit(PURE, train.x, missing, CLASSES, params, 3, 2, SvmProgressListener.NONE))
                .hasMessageContaining("class 2 has no training vectors");
        assertThatThrownBy(() -> svm.predict(new double[][] {{1, 2}}, 1))
                .hasMessageContaining("row 0 has width 2, the SVM was trained on 3");
    }
}
