package io.github.nn4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.nn4j.datasets.idx.IdxImages;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainValidationSplitTest {

    /** {@code n} one-pixel images whose pixel is the image index mod 256 and whose label is skewed. */
    private static LabeledImages skewed(int n) {
        byte[] px = new byte[n * 2];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            px[2 * i] = (byte) (i & 0xFF);
            px[2 * i + 1] = (byte) (i >> 8);
            labels[i] = (byte) (i % 7 == 0 ? 0 : i % 3 + 1); // class 0 ~ 1/7, classes 1..3 ~ 2/7 each
        }
        return new LabeledImages(new IdxImages(n, 1, 2, px), labels, 4);
    }

    private static int id(LabeledImages set, int i) {
        return set.pixel(i, 0) | set.pixel(i, 1) << 8;
    }

    @Test
    void sizesAddUpAndEveryImageIsInExactlyOnePart() {
        LabeledImages all = skewed(3001);

        TrainValidationSplit split = TrainValidationSplit.stratified(all, 400, 7);

        assertThat(split.train().count()).isEqualTo(2601);
        assertThat(split.validation().count()).isEqualTo(400);
        Set<Integer> seen = new HashSet<>();
        for (LabeledImages part : new LabeledImages[] {split.train(), split.validation()}) {
            int previous = -1;
            for (int i = 0; i < part.count(); i++) {
                int id = id(part, i);
                assertThat(seen.add(id)).as("image %d in both parts", id).isTrue();
                assertThat(id).as("original order kept").isGreaterThan(previous);
                assertThat(part.label(i)).isEqualTo(all.label(id));
                previous = id;
            }
        }
        assertThat(seen).hasSize(3001);
    }

    @Test
    void classSharesOfValidationMatchTheWhole() {
        LabeledImages all = skewed(3001);
        int[] whole = all.classCounts();

        int[] val = TrainValidationSplit.stratified(all, 400, 7).validation().classCounts();

        for (int c = 0; c < whole.length; c++) {
            assertThat((double) val[c]).isCloseTo(400.0 * whole[c] / 3001, within(1.0));
        }
    }

    @Test
    void theSeedDecidesTheSplit() {
        LabeledImages all = skewed(3001);

        int[] a = ids(TrainValidationSplit.stratified(all, 400, 7).validation());
        int[] b = ids(TrainValidationSplit.stratified(all, 400, 7).validation());
        int[] c = ids(TrainValidationSplit.stratified(all, 400, 8).validation());

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void quotasForMnistSumExactlyAndStayWithinOneOfProportional() {
        int[] mnistTrain = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};

        int[] quota = TrainValidationSplit.quotas(mnistTrain, 60000, 4000);

        assertThat(java.util.Arrays.stream(quota).sum()).isEqualTo(4000);
        for (int c = 0; c < 10; c++) {
            assertThat((double) quota[c]).isCloseTo(mnistTrain[c] * 4000.0 / 60000, within(1.0));
        }
    }

    @Test
    void validationSizeMustLeaveATrainingPart() {
        LabeledImages all = skewed(10);
        assertThatThrownBy(() -> TrainValidationSplit.stratified(all, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation size must be in 1..9: 10");
    }

    private static int[] ids(LabeledImages set) {
        int[] out = new int[set.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(set, i);
        }
        return out;
    }
}
