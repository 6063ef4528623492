package io.github.nn4j.api.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.conformance.ReferenceMath;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The integer form of the dropout rule, which the default kernel runs, is the rule as stated. */
class DropoutMasksTest {

    @Test
    void theThresholdIsTheRateInUnitsOfTwoToTheMinus53() {
        assertThat(DropoutMasks.threshold(0)).isZero();
        assertThat(DropoutMasks.threshold(0.5)).isEqualTo(1L << 52);
        assertThat(DropoutMasks.threshold(0x1p-53)).isEqualTo(1);
        assertThat(DropoutMasks.threshold(Math.nextDown(1.0))).isEqualTo((1L << 53) - 1);
    }

    @Test
    void countersBitsAndTheStatedRuleAgree() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            long seed = random.nextLong();
            long step = random.nextLong(1L << 40);
            long index = random.nextLong(1L << 31);
            double rate = i % 7 == 0 ? 0 : random.nextDouble();
            long key = DropoutMasks.key(seed, step);
            long counter = DropoutMasks.counter(key, index);
            boolean stated = ReferenceMath.dropoutKeeps(seed, step, index, rate);
            assertThat(DropoutMasks.keeps(key, index, rate)).isEqualTo(stated);
            assertThat(DropoutMasks.keepsCounter(counter, DropoutMasks.threshold(rate))).isEqualTo(stated);
            assertThat(DropoutMasks.keptBit(counter, DropoutMasks.threshold(rate))).isEqualTo(stated ? 1 : 0);
            assertThat(DropoutMasks.counter(key, index + 1)).isEqualTo(counter + DropoutMasks.GAMMA);
        }
    }
}
