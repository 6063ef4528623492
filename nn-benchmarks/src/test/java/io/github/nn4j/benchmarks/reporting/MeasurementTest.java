package io.github.nn4j.benchmarks.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void convertsJmhTimeUnitsToSeconds() {
        assertThat(Measurement.secondsPerUnit("us/op", "b")).isEqualTo(1e-6);
        assertThat(Measurement.secondsPerUnit("ms/op", "b")).isEqualTo(1e-3);
        assertThat(Measurement.secondsPerUnit("s/op", "b")).isEqualTo(1.0);
    }

    @Test
    void rejectsThroughputScoresNamingTheBenchmark() {
        assertThatThrownBy(() -> Measurement.secondsPerUnit("ops/s", "x.Y.z"))
                .hasMessageContaining("x.Y.z").hasMessageContaining("'ops/s'");
    }

    @Test
    void theRowKeyIsEveryParameterButTheBackend() {
        Measurement m = ReportFixtures.measurement("a.b.C.d", "nd4j", Map.of("batch", "64"), 1, 0, 0);
        assertThat(m.rowKey()).containsExactly(Map.entry("batch", "64"));
        assertThat(m.shortName()).isEqualTo("C.d");
        assertThat(m.backend()).isEqualTo("nd4j");
    }
}
