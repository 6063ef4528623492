package io.github.nn4j.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SampleOrderTest {

    @Test
    void withoutShufflingEveryEpochIsTheIdentity() {
        SampleOrder orders = new SampleOrder(5, 7, false);
        assertThat(orders.nextEpoch()).containsExactly(0, 1, 2, 3, 4);
        assertThat(orders.nextEpoch()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void eachEpochIsADifferentPermutationThatFollowsFromTheSeed() {
        SampleOrder a = new SampleOrder(50, 11, true);
        SampleOrder b = new SampleOrder(50, 11, true);
        int[] first = a.nextEpoch().clone();
        int[] second = a.nextEpoch().clone();
        assertThat(b.nextEpoch()).containsExactly(first);
        assertThat(b.nextEpoch()).containsExactly(second);
        assertThat(second).isNotEqualTo(first);
        int[] sorted = second.clone();
        Arrays.sort(sorted);
        assertThat(sorted).isEqualTo(new SampleOrder(50, 0, false).nextEpoch());
        assertThat(new SampleOrder(50, 12, true).nextEpoch()).isNotEqualTo(first);
    }

    @Test
    void needsASample() {
        assertThatThrownBy(() -> new SampleOrder(0, 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one sample, got 0");
    }
}
