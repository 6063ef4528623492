package io.github.nn4j.benchmarks.reporting;

import io.github.nn4j.benchmarks.kernels.GemmShape;
import io.github.nn4j.benchmarks.training.AutoencoderTrainer;
import io.github.nn4j.benchmarks.training.TrainingImages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders one benchmark run as Markdown: the run's environment, a headline table of the numbers users choose a
 * backend by, one table per benchmark (rows: parameter combinations; columns: backends, side by side), and the
 * heap bytes allocated per operation.
 *
 * <p>A cell shows the median time per operation ± JMH's error, GFLOP/s for matrix products, and the speed
 * relative to the fastest backend of its row (fastest time ÷ this time: 1.00× is the fastest, 0.50× takes twice
 * as long). A backend without a result shows "unavailable" when its probe failed (the reason is listed under
 * the environment) or "no result" when its benchmark failed for another reason (see the JMH log).
 */
public final class MarkdownReport {
    private static final double STEPS_PER_EPOCH_AT_256 = TrainingImages.EPOCH_IMAGES / 256.0;

    private static final String SGEMM = "SgemmBenchmark.gemm";
    private static final String STEP = "AutoencoderStepBenchmark.trainStep";
    private static final String EPOCH = "AutoencoderEpochBenchmark.trainEpoch";
    private static final String MLP_EPOCH = "MlpEpochBenchmark.trainEpoch";

    /** Known benchmarks, in report order, with their section titles. */
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put(SGEMM, "Matrix product C = op(A)·op(B), FLOAT32 (sgemm)");
        TITLES.put("DgemmBenchmark.gemm", "Matrix product C = A·B, FLOAT64 (dgemm)");
        TITLES.put("DenseBenchmark.forwardBackward", "Dense 784→128, forward + backward, FLOAT32");
        TITLES.put("ActivationBenchmark.forward", "Activation forward y = f(x), 256×784 FLOAT32");
        TITLES.put("ActivationBenchmark.backward", "Activation backward dx = f′(x)·dy, 256×784 FLOAT32");
        TITLES.put("StepKernelBenchmark.run", "Other kernels of a training step, batch 256, largest layer, FLOAT32");
        TITLES.put(STEP, "Autoencoder training step (784-128-64-128-784, FLOAT32)");
        TITLES.put(EPOCH, "Autoencoder epoch: 56,000 images");
        TITLES.put(MLP_EPOCH, "Classifier epoch: 56,000 images, the app's MLP 784-256-128-10 with dropout, SGD with"
                + " momentum");
        TITLES.put("XorBenchmark.train", "XOR: 20,000 full-batch epochs of a 2-4-1 network");
        TITLES.put("PcaBenchmark.fit", "PCA-64 fit, 56,000 training images: covariance route per backend, Smile's SVD");
    }

    private final RunEnvironment env;
    private final List<Measurement> results;
    private final Function<String, List<String>> declaredBackends;

    /**
     * @param env              the run's environment
     * @param results          the measurements, in any order
     * @param declaredBackends for a fully qualified benchmark name, the backends it was asked to run (its
     *                         {@code backend} parameter values, after any {@code -p backend=...} override)
     */
    public MarkdownReport(RunEnvironment env, List<Measurement> results, Function<String, List<String>> declaredBackends) {
        this.env = Objects.requireNonNull(env, "env");
        this.results = List.copyOf(results);
        this.declaredBackends = Objects.requireNonNull(declaredBackends, "declaredBackends");
    }

    /** The whole report. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# nn4j benchmark results\n\n");
        environment(sb);
        howToRead(sb);
        headline(sb);
        Map<String, List<Measurement>> byBenchmark = byBenchmark();
        for (Map.Entry<String, List<Measurement>> e : byBenchmark.entrySet()) {
            section(sb, e.getKey(), e.getValue());
        }
        allocation(sb, byBenchmark);
        if (results.isEmpty()) {
            sb.append("No benchmark produced a result; see the JMH log.\n");
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ parts

    private void environment(StringBuilder sb) {
        sb.append("- Run: ").append(env.startedAt()).append(", command `").append(env.command()).append("`\n");
        sb.append("- Machine: ").append(env.cpu()).append(", ").append(env.cores()).append(" logical CPUs, ")
                .append(env.memory()).append(", ").append(env.os()).append('\n');
        sb.append("- Load average (1, 5, 15 min): ").append(env.loadBefore()).append(" before, ")
                .append(env.loadAfter().isEmpty() ? "unknown" : env.loadAfter()).append(" after\n");
        sb.append("- Java: ").append(env.java()).append("; fork JVM options `")
                .append(String.join(" ", env.forkJvmArgs())).append("` (the Vector API module enables the pure "
                        + "backend's SIMD kernels)\n");
        sb.append("- Native threads: ");
        List<String> vars = new ArrayList<>();
        env.threadEnv().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> vars.add(e.getKey() + "=" + e.getValue()));
        sb.append(String.join(", ", vars)).append('\n');
        Set<String> profiles = new LinkedHashSet<>();
        for (Measurement m : results) {
            profiles.add(m.profile());
        }
        sb.append("- JMH profile: ").append(profiles.isEmpty() ? "none" : String.join("; ", profiles)).append('\n');
        sb.append("- Autoencoder data: ").append(env.data()).append('\n');
        sb.append("- Backends:\n");
        for (BackendInfo b : env.backends()) {
            sb.append("  - ").append(b.name()).append(": ").append(b.available() ? b.detail()
                    : "**unavailable**: " + b.detail()).append('\n');
        }
        sb.append('\n');
    }

    private static void howToRead(StringBuilder sb) {
        sb.append("How to read: each cell is the median time per operation over the measured iterations ± JMH's "
                + "error (half-width of the 99.9% confidence interval of the mean; wide with few iterations), then "
                + "the speed relative to the fastest backend in the same row (fastest time ÷ this time: 1.00× is "
                + "the fastest, 0.50× takes twice as long). GFLOP/s = 2·m·n·k ÷ median time. All backends ran in "
                + "this one run, one JVM fork each; ratios carry over to other machines far better than absolute "
                + "times. DL4J's MSE averages over the 784 outputs as well as the batch (nn4j sums over outputs, "
                + "as the report does): the same work with a differently scaled gradient.\n\n");
    }

    private void headline(StringBuilder sb) {
        // the headline compares the standard backends only: other result columns (Smile's PCA, benchmarks without a
        // backend parameter) have no headline row, so they would be columns of dashes
        List<String> cols = allBackends().stream().filter(BackendInfo.STANDARD::contains).toList();
        sb.append("## Headline\n\n");
        tableHeader(sb, "quantity", cols);
        headlineRow(sb, cols, "sgemm 1024×1024×1024, GFLOP/s", SGEMM, Map.of("shape", "1024x1024x1024"), Kind.GFLOPS);
        headlineRow(sb, cols, "sgemm 256×784×128 (AE forward, batch 256), GFLOP/s", SGEMM,
                Map.of("shape", "256x784x128"), Kind.GFLOPS);
        headlineRow(sb, cols, "AE training step, batch 256", STEP, Map.of("batch", "256"), Kind.TIME);
        headlineRow(sb, cols, "AE epoch, 56,000 images at batch 256 (measured)", EPOCH, Map.of("batch", "256"),
                Kind.TIME);
        headlineRow(sb, cols, "AE epoch, derived: 218.75 × step at batch 256", STEP, Map.of("batch", "256"),
                Kind.EPOCH_FROM_STEP);
        headlineRow(sb, cols, "MLP classifier epoch, 56,000 images at batch 128 (measured)", MLP_EPOCH,
                Map.of("batch", "128"), Kind.TIME);
        headlineRow(sb, cols, "XOR, 20,000 epochs", "XorBenchmark.train", Map.of(), Kind.TIME);
        headlineRow(sb, cols, "heap allocated per AE step, batch 256", STEP, Map.of("batch", "256"), Kind.BYTES);
        sb.append('\n');
    }

    private void headlineRow(StringBuilder sb, List<String> cols, String label, String shortName,
            Map<String, String> params, Kind kind) {
        Map<String, Measurement> cells = new LinkedHashMap<>();
        for (Measurement m : results) {
            if (m.shortName().equals(shortName) && m.rowKey().entrySet().containsAll(params.entrySet())) {
                cells.put(m.backend(), m);
            }
        }
        if (cells.isEmpty()) {
            return;
        }
        if (kind == Kind.BYTES && cells.values().stream().noneMatch(m -> Double.isFinite(m.bytesPerOp()))) {
            return;
        }
        double fastest = cells.values().stream().mapToDouble(Measurement::medianSeconds).min().orElse(Double.NaN);
        double scale = kind == Kind.EPOCH_FROM_STEP ? STEPS_PER_EPOCH_AT_256 : 1;
        List<String> declared = declaredBackends.apply(cells.values().iterator().next().benchmark());
        sb.append("| ").append(label);
        for (String b : cols) {
            Measurement m = cells.get(b);
            String cell;
            if (m == null) {
                cell = declared.contains(b) ? missing(b) : "–";
            } else if (kind == Kind.BYTES) {
                cell = Quantities.bytes(m.bytesPerOp());
            } else {
                String value = kind == Kind.GFLOPS
                        ? Quantities.significant(GemmShape.parse(m.params().get("shape")).flops() / m.medianSeconds() / 1e9)
                        : Quantities.time(m.medianSeconds() * scale, Double.NaN);
                cell = value + " (" + Quantities.ratio(fastest / m.medianSeconds()) + ")";
                if (m.medianSeconds() == fastest) {
                    cell = "**" + cell + "**";
                }
            }
            sb.append(" | ").append(cell);
        }
        sb.append(" |\n");
    }

    private void section(StringBuilder sb, String benchmark, List<Measurement> ms) {
        String shortName = ms.get(0).shortName();
        sb.append("## ").append(TITLES.getOrDefault(shortName, shortName)).append("\n\n");
        sb.append("`").append(shortName).append("`, ").append(ms.get(0).profile()).append(".\n\n");
        List<String> cols = columns(benchmark, ms);
        Map<Map<String, String>, Map<String, Measurement>> rows = new LinkedHashMap<>();
        for (Measurement m : ms) {
            rows.computeIfAbsent(m.rowKey(), k -> new LinkedHashMap<>()).put(m.backend(), m);
        }
        Map<String, String> firstKey = rows.keySet().iterator().next();
        tableHeader(sb, rowHeader(firstKey), cols);
        for (Map.Entry<Map<String, String>, Map<String, Measurement>> row : rows.entrySet()) {
            timeRow(sb, rowLabel(row.getKey()), cols, row.getValue(), 1);
        }
        if (shortName.equals(EPOCH)) {
            Map<String, Measurement> steps = new LinkedHashMap<>();
            for (Measurement m : results) {
                if (m.shortName().equals(STEP) && "256".equals(m.params().get("batch"))) {
                    steps.put(m.backend(), m);
                }
            }
            if (!steps.isEmpty()) {
                timeRow(sb, "derived: 218.75 × step at batch 256", cols, steps, STEPS_PER_EPOCH_AT_256);
            }
        }
        sb.append('\n');
    }

    private void timeRow(StringBuilder sb, String label, List<String> cols, Map<String, Measurement> cells,
            double scale) {
        double fastest = cells.values().stream().mapToDouble(Measurement::medianSeconds).min().orElse(Double.NaN);
        sb.append("| ").append(label);
        for (String b : cols) {
            Measurement m = cells.get(b);
            String cell;
            if (m == null) {
                cell = missing(b);
            } else {
                cell = Quantities.time(m.medianSeconds() * scale, m.errorSeconds() * scale);
                String shape = m.params().get("shape");
                if (shape != null && scale == 1) {
                    cell += " · " + Quantities.gflops(GemmShape.parse(shape).flops(), m.medianSeconds());
                }
                cell += " · " + Quantities.ratio(fastest / m.medianSeconds());
                if (m.medianSeconds() == fastest) {
                    cell = "**" + cell + "**";
                }
            }
            sb.append(" | ").append(cell);
        }
        sb.append(" |\n");
    }

    private void allocation(StringBuilder sb, Map<String, List<Measurement>> byBenchmark) {
        List<Measurement> withBytes = results.stream().filter(m -> Double.isFinite(m.bytesPerOp())).toList();
        if (withBytes.isEmpty()) {
            sb.append("Heap allocation was not measured (run with `-prof gc`).\n\n");
            return;
        }
        List<String> cols = allBackends();
        sb.append("## Heap bytes allocated per operation\n\n");
        sb.append("JMH `-prof gc`, `gc.alloc.rate.norm` (median over iterations): garbage made on the Java heap "
                + "per operation. Native memory (ND4J's off-heap buffers, jblas/OpenBLAS work space) is not "
                + "counted.\n\n");
        tableHeader(sb, "benchmark", cols);
        for (List<Measurement> ms : byBenchmark.values()) {
            Map<Map<String, String>, Map<String, Measurement>> rows = new LinkedHashMap<>();
            for (Measurement m : ms) {
                if (Double.isFinite(m.bytesPerOp())) {
                    rows.computeIfAbsent(m.rowKey(), k -> new LinkedHashMap<>()).put(m.backend(), m);
                }
            }
            for (Map.Entry<Map<String, String>, Map<String, Measurement>> row : rows.entrySet()) {
                String label = ms.get(0).shortName() + (row.getKey().isEmpty() ? "" : ", " + rowLabel(row.getKey()));
                sb.append("| ").append(label);
                for (String b : cols) {
                    Measurement m = row.getValue().get(b);
                    sb.append(" | ").append(m == null ? "–" : Quantities.bytes(m.bytesPerOp()));
                }
                sb.append(" |\n");
            }
        }
        sb.append('\n');
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private enum Kind { GFLOPS, TIME, EPOCH_FROM_STEP, BYTES }

    /** Results grouped by benchmark: known ones in report order, then the others in result order. */
    private Map<String, List<Measurement>> byBenchmark() {
        Map<String, List<Measurement>> found = new LinkedHashMap<>();
        for (Measurement m : results) {
            found.computeIfAbsent(m.benchmark(), k -> new ArrayList<>()).add(m);
        }
        Map<String, List<Measurement>> ordered = new LinkedHashMap<>();
        for (String known : TITLES.keySet()) {
            found.entrySet().stream().filter(e -> e.getValue().get(0).shortName().equals(known))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        }
        ordered.putAll(found);
        return ordered;
    }

    /** The backends a benchmark was asked to run, in the usual order, plus any that produced results. */
    private List<String> columns(String benchmark, List<Measurement> ms) {
        Set<String> cols = new LinkedHashSet<>(declaredBackends.apply(benchmark));
        for (Measurement m : ms) {
            cols.add(m.backend());
        }
        return ordered(cols);
    }

    private List<String> allBackends() {
        Set<String> cols = new LinkedHashSet<>();
        for (Measurement m : results) {
            cols.addAll(declaredBackends.apply(m.benchmark()));
            cols.add(m.backend());
        }
        return ordered(cols);
    }

    private static List<String> ordered(Set<String> names) {
        List<String> out = new ArrayList<>();
        for (String b : BackendInfo.STANDARD) {
            if (names.contains(b)) {
                out.add(b);
            }
        }
        for (String b : names) {
            if (!out.contains(b)) {
                out.add(b);
            }
        }
        return out;
    }

    private String missing(String backend) {
        return env.backend(backend).filter(b -> !b.available()).isPresent() ? "unavailable" : "no result";
    }

    private static void tableHeader(StringBuilder sb, String first, List<String> cols) {
        sb.append("| ").append(first);
        for (String c : cols) {
            String label = c.equals(AutoencoderTrainer.DL4J) ? "DL4J (peer)" : c;
            sb.append(" | ").append(label.isEmpty() ? "no backend parameter" : label);
        }
        sb.append(" |\n|---");
        for (int i = 0; i < cols.size(); i++) {
            sb.append("|---");
        }
        sb.append("|\n");
    }

    private static String rowHeader(Map<String, String> key) {
        if (key.isEmpty()) {
            return "case";
        }
        List<String> names = new ArrayList<>();
        for (String k : key.keySet()) {
            names.add(k.equals("shape") ? "m×k×n" : k);
        }
        return String.join(", ", names);
    }

    private static String rowLabel(Map<String, String> key) {
        if (key.isEmpty()) {
            return "as in the report";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : key.entrySet()) {
            parts.add(e.getKey().equals("shape") ? GemmShape.parse(e.getValue()).describe() : e.getValue());
        }
        return String.join(", ", parts);
    }
}
