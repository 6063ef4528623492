package io.github.nn4j.benchmarks.reporting;

import static io.github.nn4j.benchmarks.reporting.ReportFixtures.EPOCH;
import static io.github.nn4j.benchmarks.reporting.ReportFixtures.SGEMM;
import static io.github.nn4j.benchmarks.reporting.ReportFixtures.STEP;
import static io.github.nn4j.benchmarks.reporting.ReportFixtures.environment;
import static io.github.nn4j.benchmarks.reporting.ReportFixtures.measurement;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    private static final List<String> KERNEL_BACKENDS = List.of("pure", "jblas", "nd4j");
    private static final List<String> TRAINING_BACKENDS = List.of("pure", "jblas", "nd4j", "dl4j");

    private static String render(List<Measurement> ms) {
        return new MarkdownReport(environment(), ms,
                name -> name.contains(".training.") ? TRAINING_BACKENDS : KERNEL_BACKENDS).render();
    }

    @Test
    void gemmCellsShowTimeThroughputAndSpeedRelativeToTheFastest() {
        Map<String, String> shape = Map.of("shape", "1024x1024x1024");
        String md = render(List.of(
                measurement(SGEMM, "pure", shape, 0.020, 0.001, 0),
                measurement(SGEMM, "nd4j", shape, 0.010, Double.NaN, 0)));
        // 2·1024³ flops: 107.4 GFLOP/s in 20 ms, 214.7 in 10 ms; pure runs at half nd4j's speed.
        assertThat(md).contains("| 1024×1024×1024 | 20.0 ± 1.00 ms · 107 GFLOP/s · 0.50× | unavailable | "
                + "**10.0 ms · 215 GFLOP/s · 1.00×** |");
        assertThat(md).contains("| sgemm 1024×1024×1024, GFLOP/s | 107 (0.50×) | unavailable | **215 (1.00×)** |");
    }

    @Test
    void aFailedBenchmarkOfAnAvailableBackendIsNotCalledUnavailable() {
        Map<String, String> batch = Map.of("batch", "256");
        String md = render(List.of(
                measurement(STEP, "pure", batch, 0.004, 0.0002, 0),
                measurement(STEP, "dl4j", batch, 0.012, 0.001, 460_000)));
        assertThat(md).contains("| 256 | **4.00 ± 0.200 ms · 1.00×** | unavailable | no result | "
                + "12.0 ± 1.00 ms · 0.33× |");
        assertThat(md).contains("- jblas: **unavailable**: libgfortran.so.5 is missing");
    }

    @Test
    void epochTableAddsAnEpochDerivedFromTheStepTime() {
        Map<String, String> batch = Map.of("batch", "256");
        String md = render(List.of(
                measurement(EPOCH, "pure", batch, 1.2, 0.1, 0),
                measurement(EPOCH, "dl4j", batch, 2.4, 0.2, 0),
                measurement(STEP, "pure", batch, 0.004, 0.0, 0),
                measurement(STEP, "dl4j", batch, 0.012, 0.0, 0)));
        assertThat(md).contains("| 256 | **1.20 ± 0.100 s · 1.00×** | unavailable | no result | 2.40 ± 0.200 s · 0.50× |");
        // 56,000 / 256 = 218.75 steps: 0.875 s and 2.625 s.
        assertThat(md).contains("| derived: 218.75 × step at batch 256 | **875 ± 0.000 ms · 1.00×** | unavailable | "
                + "no result | 2.63 ± 0.000 s · 0.33× |");
        assertThat(md).contains("| AE epoch, derived: 218.75 × step at batch 256 | **875 ms (1.00×)** |");
    }

    @Test
    void theHeadlineHasOnlyTheStandardBackendsAndAnUnnamedBackendGetsALabel() {
        Map<String, String> shape = Map.of("shape", "1024x1024x1024");
        String md = render(List.of(
                measurement(SGEMM, "pure", shape, 0.020, 0.001, 0),
                measurement(SGEMM, "smile-svd", Map.of("shape", "1x1x1"), 0.5, 0.0, 0),
                measurement("io.github.nn4j.benchmarks.kernels.GemmKernelShapeBenchmark.gemm", "",
                        Map.of("kernel", "6x2"), 0.002, 0.0, 0)));
        String headline = md.substring(md.indexOf("## Headline"), md.indexOf("\n## ", md.indexOf("## Headline") + 1));
        assertThat(headline).contains("| quantity | pure | jblas | nd4j |").doesNotContain("smile-svd")
                .doesNotContain("|  |");
        assertThat(md).contains("| no backend parameter |");
    }

    @Test
    void allocationTableListsBytesPerOperation() {
        Map<String, String> batch = Map.of("batch", "64");
        String md = render(List.of(
                measurement(STEP, "pure", batch, 0.004, 0.0, 0),
                measurement(STEP, "dl4j", batch, 0.012, 0.0, 460_000)));
        assertThat(md).contains("| AutoencoderStepBenchmark.trainStep, 64 | 0 B | – | – | 449 KiB |");
    }

    @Test
    void withoutTheGcProfilerTheReportSaysAllocationWasNotMeasured() {
        String md = render(List.of(measurement(STEP, "pure", Map.of("batch", "256"), 0.004, 0.0, Double.NaN)));
        assertThat(md).contains("Heap allocation was not measured (run with `-prof gc`).");
        assertThat(md).doesNotContain("heap allocated per AE step");
    }

    @Test
    void eachCellHasItsOwnUnit() {
        // 2·64·784·128 = 12,845,056 flops: 0.234 GFLOP/s in 55 ms, 18.4 GFLOP/s in 0.7 ms.
        Map<String, String> shape = Map.of("shape", "64x784x128");
        String md = render(List.of(
                measurement(SGEMM, "pure", shape, 0.055, Double.NaN, 0),
                measurement(SGEMM, "nd4j", shape, 0.000_7, Double.NaN, 0)));
        assertThat(md).contains("| 64×784×128 | 55.0 ms · 0.234 GFLOP/s · 0.01× | unavailable | "
                + "**700 µs · 18.4 GFLOP/s · 1.00×** |");
    }

    @Test
    void anEmptyRunSaysSo() {
        assertThat(render(List.of())).contains("No benchmark produced a result");
    }
}
