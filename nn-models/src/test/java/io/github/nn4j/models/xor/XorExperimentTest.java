package io.github.nn4j.models.xor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class XorExperimentTest {

    @Test
    void theReportsRecipeSolvesXorForAtLeastNineOfTenSeeds() {
        Backend pure = Backends.get("pure");
        List<Long> unsolved = new ArrayList<>();
        for (long seed = 1; seed <= 10; seed++) {
            XorExperiment.Result r = XorExperiment.run(pure, XorExperiment.Config.report(seed), null);
            assertThat(r.history().epochs()).hasSize(20_000);
            if (r.solved()) {
                assertThat(r.finalLoss()).as("final MSE for seed %d", seed).isLessThan(0.01);
                for (int i = 0; i < 4; i++) {
                    assertThat(Math.abs(r.predictions()[i] - XorExperiment.TARGETS[i][0])).isLessThan(0.25);
                }
            } else {
                unsolved.add(seed);
            }
        }
        assertThat(unsolved).as("seeds that did not solve XOR").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theLossFallsMonotonicallyEnoughToNotice() {
        XorExperiment.Result r = XorExperiment.run(Backends.get("pure"), new XorExperiment.Config(2000, 0.5, 42), null);
        double[] losses = r.history().losses();
        assertThat(losses[losses.length - 1]).isLessThan(losses[0] / 2);
    }
}
