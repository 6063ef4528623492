package io.github.nn4j.benchmarks.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The trainers the MLP benchmark times really train the app's classifier, in nn4j and in DL4J. */
class MlpTrainerTest {
    /** Weights and biases of 784-256-128-10. */
    private static final long PARAMETERS = 784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10;

    @Test
    void bothFrameworksBuildTheSameNetworkAndLearnTheirImages() {
        TrainingImages images = TrainingImages.synthetic(64);
        for (String backend : new String[] {"pure", AutoencoderTrainer.DL4J}) {
            // batches of 32: with 16, the recipe's learning rate (0.1, momentum 0.9) diverges on random labels
            try (MlpTrainer t = MlpTrainer.create(backend, images, 32)) {
                assertThat(t.parameterCount()).as(backend).isEqualTo(PARAMETERS);
                double first = t.epoch();
                double last = first;
                for (int e = 0; e < 15; e++) {
                    last = t.epoch();
                }
                assertThat(first).as(backend).isFinite();
                assertThat(last).as(backend + ": the random labels of 64 images are memorised").isLessThan(first / 2);
            }
        }
    }

    @Test
    void rejectsABatchLargerThanTheData() {
        assertThatThrownBy(() -> MlpTrainer.create("pure", TrainingImages.synthetic(8), 16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..8");
    }
}
