package io.github.nn4j.benchmarks.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.benchmarks.kernels.SgemmBenchmark;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs one tiny benchmark through JMH in this JVM and turns its result into a report row. */
class InProcessBenchmarkTest {

    @org.junit.jupiter.api.BeforeAll
    static void allowConcurrentJmhRuns() {
        // JMH refuses to start while another JMH run on the machine holds /tmp/jmh.lock (e.g. a developer's
        // benchmark next to this build). This test measures nothing that such a run could spoil.
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    void aTinyGemmBenchmarkRunsAndReportsThroughput() throws RunnerException {
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include(SgemmBenchmark.class.getName() + ".gemm")
                .param("backend", "pure")
                .param("shape", "64x784x128")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(50))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build()).run();

        assertThat(runs).hasSize(1);
        Measurement m = Measurement.of(runs.iterator().next());
        assertThat(m.params()).containsEntry("backend", "pure").containsEntry("shape", "64x784x128");
        assertThat(m.iterations()).isEqualTo(2);
        // One 64×784×128 product takes between a microsecond (12 TFLOP/s) and a second.
        assertThat(m.medianSeconds()).isBetween(1e-6, 1.0);

        String md = new MarkdownReport(ReportFixtures.environment(), List.of(m), b -> List.of("pure")).render();
        assertThat(md).containsPattern("\\| 64×784×128 \\| \\*\\*[0-9.]+ [µm]s · [0-9.]+ GFLOP/s · 1\\.00×\\*\\* \\|");
    }
}
