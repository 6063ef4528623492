package io.github.nn4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code nn4j.nd4j.kernels} chooses the policy on a CPU, and a wrong value is named with the ones allowed. */
class HostPolicySettingTest {

    @Test
    void eachValueGivesItsPolicy() {
        assertThat(HostPolicy.forSetting(null, true).toString()).isEqualTo(HostPolicy.standard(true).toString());
        assertThat(HostPolicy.forSetting(" auto ", true).toString()).isEqualTo(HostPolicy.standard(true).toString());
        assertThat(HostPolicy.forSetting("java", true).toString()).isEqualTo(HostPolicy.hostOnly().toString());
        assertThat(HostPolicy.forSetting("java", true).arithmeticInJava(Integer.MAX_VALUE)).isTrue();
        assertThat(HostPolicy.forSetting("nd4j", true).hostViews()).isFalse();
        assertThat(HostPolicy.forSetting("auto", false).gemmOnHost()).isFalse();
    }

    @Test
    void aWrongValueIsNamed() {
        assertThatThrownBy(() -> HostPolicy.forSetting("native", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nn4j.nd4j.kernels='native'").hasMessageContaining("auto, java, nd4j");
    }
}
