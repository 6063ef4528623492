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
    void theStandardPolicyRunsWorkInJavaUpToItsThresholds() {
        HostPolicy p = HostPolicy.standard(true);
        assertThat(p.transcendentalInJava(HostPolicy.TRANSCENDENTAL_MAX)).isTrue();
        assertThat(p.transcendentalInJava(HostPolicy.TRANSCENDENTAL_MAX + 1)).isFalse();
        assertThat(p.arithmeticInJava(HostPolicy.ARITHMETIC_MAX)).isTrue();
        assertThat(p.arithmeticInJava(HostPolicy.ARITHMETIC_MAX + 1)).isFalse();
        assertThat(p.axpyInJava(HostPolicy.AXPY_MAX)).isTrue();
        assertThat(p.axpyInJava(HostPolicy.AXPY_MAX + 1)).isFalse();
        assertThat(p.hostViews()).isTrue();
        assertThat(p.gemmOnHost()).isTrue();
        assertThat(p.toString()).contains("<= 256", "<= 16384", "<= 1024", "GEMM by OpenBLAS on the arrays' memory");
        assertThat(HostPolicy.standard(false).toString()).contains("GEMM by ND4J");
        assertThat(HostPolicy.nativeOnly().toString()).isEqualTo("all work as ND4J ops");
        assertThat(HostPolicy.nativeOnly().transcendentalInJava(1)).isFalse();
        assertThat(HostPolicy.nativeOnly().arithmeticInJava(1)).isFalse();
        assertThat(HostPolicy.nativeOnly().axpyInJava(1)).isFalse();
        assertThat(HostPolicy.hostOnly().toString()).startsWith("all element-wise work in Java");
    }

    @Test
    void aWrongValueIsNamed() {
        assertThatThrownBy(() -> HostPolicy.forSetting("native", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nn4j.nd4j.kernels='native'").hasMessageContaining("auto, java, nd4j");
    }
}
