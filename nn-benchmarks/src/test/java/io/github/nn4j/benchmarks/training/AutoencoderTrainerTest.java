package io.github.nn4j.benchmarks.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The trainers the benchmarks time really train the report's network, in nn4j and in DL4J. */
class AutoencoderTrainerTest {
    /** Weights and biases of 784-128-64-128-784. */
    private static final long PARAMETERS = 784 * 128 + 128 + 128 * 64 + 64 + 64 * 128 + 128 + 128 * 784 + 784;

    @Test
    void nn4jStepsReduceTheLossOnTheirBatch() {
        TrainingImages images = TrainingImages.synthetic(32);
        try (AutoencoderTrainer t = AutoencoderTrainer.create("pure", images, 32)) {
            assertThat(((Nn4jAutoencoderTrainer) t).parameterCount()).isEqualTo(PARAMETERS);
            double first = t.step();
            double last = first;
            for (int i = 0; i < 20; i++) {
                last = t.step();
            }
            assertThat(first).isFinite();
            assertThat(last).isLessThan(first);
        }
    }

    @Test
    void dl4jBuildsTheSameNetworkAndTrains() {
        TrainingImages images = TrainingImages.synthetic(32);
        try (AutoencoderTrainer t = AutoencoderTrainer.create(AutoencoderTrainer.DL4J, images, 16)) {
            assertThat(((Dl4jAutoencoderTrainer) t).parameterCount()).isEqualTo(PARAMETERS);
            double first = t.step();
            double last = first;
            for (int i = 0; i < 20; i++) {
                last = t.step();
            }
            t.epoch();
            assertThat(first).isFinite();
            assertThat(last).isLessThan(first);
        }
    }

    @Test
    void dl4jCutsEveryImageIntoBatchesIncludingAPartialLastOne() {
        TrainingImages images = TrainingImages.synthetic(40);
        try (AutoencoderTrainer t = AutoencoderTrainer.create(AutoencoderTrainer.DL4J, images, 16)) {
            assertThat(((Dl4jAutoencoderTrainer) t).batchSizes()).containsExactly(16L, 16L, 8L);
        }
    }

    @Test
    void rejectsABatchLargerThanTheData() {
        assertThatThrownBy(() -> AutoencoderTrainer.create("pure", TrainingImages.synthetic(8), 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..8");
    }

    @Test
    void anUnknownBackendIsReportedAsUnavailableWithItsName() {
        assertThatThrownBy(() -> AutoencoderTrainer.create("no-such-backend", TrainingImages.synthetic(8), 8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backend 'no-such-backend' is unavailable");
    }
}
