package io.github.nn4j.benchmarks.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.OptionsBuilder;

class BenchmarkMainTest {

    @Test
    void declaredBackendsComeFromTheBackendParameter() {
        assertThat(BenchmarkMain.declaredBackends(ReportFixtures.SGEMM, new OptionsBuilder().build()))
                .containsExactly("pure", "jblas", "nd4j");
        assertThat(BenchmarkMain.declaredBackends(ReportFixtures.STEP, new OptionsBuilder().build()))
                .containsExactly("pure", "jblas", "nd4j", "dl4j");
    }

    @Test
    void anOverrideKeepsOnlyWhatMakesSenseForTheBenchmark() {
        var options = new OptionsBuilder().param("backend", "pure", "dl4j", "custom").build();
        assertThat(BenchmarkMain.declaredBackends(ReportFixtures.SGEMM, options)).containsExactly("pure", "custom");
        assertThat(BenchmarkMain.declaredBackends(ReportFixtures.STEP, options))
                .containsExactly("pure", "dl4j", "custom");
    }
}
