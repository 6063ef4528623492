package io.github.nn4j.api.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The schedules' factors against values worked out by hand, their limits, and their ranges. */
class LearningRateScheduleTest {

    @Test
    void constantIsOneAtEveryStep() {
        LearningRateSchedule c = LearningRateSchedule.constant();
        assertThat(c.factor(0)).isEqualTo(1);
        assertThat(c.factor(Long.MAX_VALUE)).isEqualTo(1);
        assertThat(c).isSameAs(LearningRateSchedule.constant()).hasToString("constant");
    }

    @Test
    void stepDecayMultipliesByGammaEveryStepSizeSteps() {
        StepDecay s = LearningRateSchedule.step(3, 0.5);
        double[] expected = {1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125};
        for (int t = 0; t < expected.length; t++) {
            assertThat(s.factor(t)).as("step %d", t).isEqualTo(expected[t]);
        }
        assertThat(LearningRateSchedule.step(1, 1).factor(1_000_000)).isEqualTo(1);
        assertThat(s).isEqualTo(new StepDecay(3, 0.5)).hasToString("step decay ×0.5 every 3 steps");
    }

    @Test
    void cosineFallsFromOneToTheMinimumAndStaysThere() {
        CosineDecay c = LearningRateSchedule.cosine(4, 0.2);
        // 0.2 + 0.8 · (1 + cos(π t / 4)) / 2 for t = 0..4: cos = 1, √½, 0, −√½, −1
        double h = Math.sqrt(0.5);
        double[] expected = {1, 0.2 + 0.4 * (1 + h), 0.6, 0.2 + 0.4 * (1 - h), 0.2, 0.2, 0.2};
        for (int t = 0; t < expected.length; t++) {
            assertThat(c.factor(t)).as("step %d", t).isCloseTo(expected[t], within(1e-15));
        }
        assertThat(c.factor(Long.MAX_VALUE)).isEqualTo(0.2);
        CosineDecay toZero = LearningRateSchedule.cosine(10);
        assertThat(toZero.minFactor()).isZero();
        assertThat(toZero.factor(5)).isCloseTo(0.5, within(1e-15));
        assertThat(toZero.factor(10)).isZero();
        assertThat(toZero.factor(9)).isPositive().isLessThan(0.025);
        assertThat(toZero).hasToString("cosine decay over 10 steps to ×0.0");
    }

    @Test
    void schedulesRejectSettingsOutsideTheirRange() {
        assertThatThrownBy(() -> LearningRateSchedule.step(0, 0.5)).hasMessageContaining("step size");
        for (double gamma : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> LearningRateSchedule.step(10, gamma)).as("gamma %s", gamma)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma");
        }
        assertThatThrownBy(() -> LearningRateSchedule.cosine(0)).hasMessageContaining("at least 1");
        for (double min : new double[] {-0.1, 1.1, Double.NaN}) {
            assertThatThrownBy(() -> LearningRateSchedule.cosine(10, min)).as("min %s", min)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("final factor");
        }
        LearningRateSchedule.cosine(1, 0).factor(0); // the lower limits are valid
        LearningRateSchedule.cosine(1, 1).factor(0);
        LearningRateSchedule.step(1, Double.MIN_VALUE).factor(0);
    }
}
