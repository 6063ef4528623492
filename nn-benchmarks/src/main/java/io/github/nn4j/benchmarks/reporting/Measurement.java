package io.github.nn4j.benchmarks.reporting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark result reduced to what the report shows, with times in seconds per operation.
 *
 * @param benchmark       the fully qualified benchmark method, e.g. {@code ...kernels.SgemmBenchmark.gemm}
 * @param params          the JMH parameters of this result, in JMH's order
 * @param medianSeconds   median over the measurement iterations, seconds per operation
 * @param errorSeconds    JMH's error of the mean (half-width of the 99.9% confidence interval), seconds per
 *                        operation; NaN when there are too few iterations to compute it
 * @param iterations      number of measurement iterations
 * @param bytesPerOp      heap bytes allocated per operation ({@code gc.alloc.rate.norm}, median over iterations),
 *                        NaN when the run had no GC profiler
 * @param profile         how it was measured, e.g. {@code "avgt, 1 fork, 2 × 1 s warm-up, 3 × 1 s measured"}
 */
public record Measurement(String benchmark, Map<String, String> params, double medianSeconds, double errorSeconds,
                          long iterations, double bytesPerOp, String profile) {

    /** JMH's name of the GC profiler's normalised allocation rate (older versions prefix it with a dot). */
    static final String ALLOCATION_METRIC = "gc.alloc.rate.norm";

    /** Copies the parameter map. */
    public Measurement {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Reduces a JMH result.
     *
     * @throws IllegalArgumentException if the score is not a time per operation (e.g. a throughput)
     */
    public static Measurement of(RunResult run) {
        BenchmarkParams p = run.getParams();
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : p.getParamsKeys()) {
            params.put(key, p.getParam(key));
        }
        Result<?> primary = run.getPrimaryResult();
        double toSeconds = secondsPerUnit(primary.getScoreUnit(), p.getBenchmark());
        double error = primary.getScoreError();
        double bytes = Double.NaN;
        for (Map.Entry<String, Result<?>> e : secondaryResults(run).entrySet()) {
            if (e.getKey().replace("·", "").equals(ALLOCATION_METRIC)) {
                bytes = e.getValue().getStatistics().getPercentile(50);
            }
        }
        return new Measurement(p.getBenchmark(), params, primary.getStatistics().getPercentile(50) * toSeconds,
                Double.isFinite(error) ? error * toSeconds : Double.NaN, primary.getStatistics().getN(), bytes,
                profile(p));
    }

    /** JMH declares the map with a raw {@code Result}; every value is a {@code Result<?>}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Result<?>> secondaryResults(RunResult run) {
        return (Map) run.getSecondaryResults();
    }

    private static String profile(BenchmarkParams p) {
        String forks = p.getForks() + (p.getForks() == 1 ? " fork" : " forks");
        if (p.getMode() == Mode.SingleShotTime) {
            return "single shot, " + forks + ", " + p.getWarmup().getCount() + " warm-up + "
                    + p.getMeasurement().getCount() + " measured runs";
        }
        return p.getMode().shortLabel() + ", " + forks + ", " + p.getWarmup().getCount() + " × "
                + p.getWarmup().getTime() + " warm-up, " + p.getMeasurement().getCount() + " × "
                + p.getMeasurement().getTime() + " measured";
    }

    /** The value of the {@code backend} parameter, or {@code ""} if there is none. */
    public String backend() {
        return params.getOrDefault("backend", "");
    }

    /** The class and method, without the package: {@code SgemmBenchmark.gemm}. */
    public String shortName() {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    /** The parameters other than {@code backend}: what identifies a row of the report. */
    public Map<String, String> rowKey() {
        Map<String, String> key = new LinkedHashMap<>(params);
        key.remove("backend");
        return key;
    }

    /** Seconds in one unit of a JMH score such as {@code "us/op"}. */
    static double secondsPerUnit(String unit, String benchmark) {
        String u = unit.trim().toLowerCase(Locale.ROOT);
        switch (u) {
            case "ns/op": return 1e-9;
            case "us/op": return 1e-6;
            case "ms/op": return 1e-3;
            case "s/op": return 1.0;
            case "min/op": return 60.0;
            default:
                throw new IllegalArgumentException(benchmark + ": score unit '" + unit
                        + "' is not a time per operation; the report needs -bm avgt or -bm ss");
        }
    }
}
