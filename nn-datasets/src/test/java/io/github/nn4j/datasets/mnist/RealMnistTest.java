package io.github.nn4j.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.nn4j.datasets.TrainValidationSplit;
import io.github.nn4j.datasets.testsupport.SharedMnist;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Reads the real MNIST files (skipped when they are absent). */
class RealMnistTest {

    @Test
    void theOfficialFilesVerifyAndHaveThePublishedShapeAndClassCounts() throws IOException {
        Mnist mnist = SharedMnist.loadOrSkip();

        assertThat(mnist.train().count()).isEqualTo(60_000);
        assertThat(mnist.test().count()).isEqualTo(10_000);
        assertThat(mnist.train().rows()).isEqualTo(28);
        assertThat(mnist.train().cols()).isEqualTo(28);
        // Published per-digit counts (see ../shared/data/mnist/README.md).
        assertThat(mnist.train().classCounts())
                .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        assertThat(mnist.test().classCounts())
                .containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    }

    @Test
    void scaledPixelsAreInTheUnitIntervalAndTheSplitIs56000Plus4000() throws IOException {
        Mnist mnist = SharedMnist.loadOrSkip();

        float[] test = mnist.test().scaledPixels();
        TrainValidationSplit split = TrainValidationSplit.stratified(mnist.train(), 4000, 1);

        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        double sum = 0;
        for (float v : test) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
        // The mean MNIST pixel is about 0.13 (33/255); a wrong scaling would miss it by far.
        assertThat(sum / test.length).isCloseTo(0.13, within(0.01));
        assertThat(split.train().count()).isEqualTo(56_000);
        assertThat(split.validation().count()).isEqualTo(4_000);
    }
}
