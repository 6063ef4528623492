package io.github.nn4j.benchmarks.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made environments and measurements for the report tests. */
final class ReportFixtures {
    static final String SGEMM = "io.github.nn4j.benchmarks.kernels.SgemmBenchmark.gemm";
    static final String STEP = "io.github.nn4j.benchmarks.training.AutoencoderStepBenchmark.trainStep";
    static final String EPOCH = "io.github.nn4j.benchmarks.training.AutoencoderEpochBenchmark.trainEpoch";
    static final String PROFILE = "avgt, 1 fork, 2 × 1 s warm-up, 3 × 1 s measured";

    private ReportFixtures() {
    }

    /** pure, nd4j and dl4j available; jblas not. */
    static RunEnvironment environment() {
        return new RunEnvironment("2026-11-25T14:00:00Z", "nn-benchmarks/run.sh", "Test CPU", 2, "24.0 GiB",
                "Linux", "OpenJDK 17", List.of("--add-modules=jdk.incubator.vector", "-Xss16m"),
                Map.of("OMP_NUM_THREADS", "1"), "1.00, 1.00, 1.00", "2.00, 1.50, 1.10",
                List.of(new BackendInfo("pure", true, "pure Java, 2 threads"),
                        new BackendInfo("jblas", false, "libgfortran.so.5 is missing"),
                        new BackendInfo("nd4j", true, "ND4J 1.0.0-M2.1"),
                        new BackendInfo("dl4j", true, "DL4J 1.0.0-M2.1")),
                "synthetic images");
    }

    static Measurement measurement(String benchmark, String backend, Map<String, String> rest, double seconds,
            double error, double bytes) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("backend", backend);
        params.putAll(rest);
        return new Measurement(benchmark, params, seconds, error, 3, bytes, PROFILE);
    }
}
