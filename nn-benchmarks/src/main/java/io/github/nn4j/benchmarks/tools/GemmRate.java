package io.github.nn4j.benchmarks.tools;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gemm-rate}: a backend's matrix-product rate in GFLOP/s, median of five batches, for the shapes the
 * project quotes, in both dtypes. With {@code --clock thread} the rate is per CPU-second of the calling thread,
 * which is a single-threaded library's speed on one core undisturbed by other processes (jblas; ND4J with
 * {@code -Dnn4j.nd4j.blasThreads=1}); {@code process} counts every thread's CPU time (the pure backend's GEMM runs
 * on several); {@code wall} is meaningful only on an idle machine. {@code --statistic median} (the default) gives the
 * median of five batches of calls, {@code fastest} the fastest single call of two seconds of calls: on a shared,
 * noisy machine the steadier figure for comparing two builds side by side. Compare {@code OPENBLAS_CORETYPE} settings,
 * thread counts or kernel paths by running it in several JVMs.
 *
 * <pre>
 * Tool gemm-rate [--backend NAME] [--clock wall|thread|process] [--statistic median|fastest]
 *               [--shapes MxKxN[t][t],...] [--dtype FLOAT32|FLOAT64]
 * </pre>
 * Shapes are {@code m x k x n}; a suffix {@code tn} or {@code nt} transposes {@code a} or {@code b}. Default: 1024³,
 * 256×784×128, 64×784×128 and the autoencoder's gradients 784×256×128 (Aᵀ·B) and 256×128×784 (A·Bᵀ).
 */
final class GemmRate {
    private static final String DEFAULT_SHAPES = "1024x1024x1024,256x784x128,64x784x128,784x256x128tn,256x128x784nt";
    private static final long BATCH_NANOS = 400_000_000L;
    private static final long FASTEST_OF_NANOS = 2_000_000_000L;

    private GemmRate() {
    }

    static void run(Options options) {
        if (options.help()) {
            System.out.println("gemm-rate [--backend NAME] [--clock wall|thread|process] [--statistic median|fastest]"
                    + " [--shapes " + DEFAULT_SHAPES + "] [--dtype FLOAT32|FLOAT64]");
            return;
        }
        String name = options.get("backend", null);
        Timing.Clock clock = Timing.Clock.named(options.get("clock", "process"));
        String statistic = options.get("statistic", "median");
        if (!statistic.equals("median") && !statistic.equals("fastest")) {
            throw new IllegalArgumentException("unknown statistic '" + statistic + "': median or fastest");
        }
        boolean fastest = statistic.equals("fastest");
        String shapes = options.get("shapes", DEFAULT_SHAPES);
        String only = options.get("dtype", null);
        options.requireAllRead();
        Backend be = name == null ? Backends.get() : Backends.get(name);
        StringBuilder line = new StringBuilder(be.description() + " | OPENBLAS_CORETYPE="
                + System.getenv("OPENBLAS_CORETYPE") + " | clock " + clock + " | " + statistic);
        for (DType dtype : DType.values()) {
            if (only != null && !dtype.name().equals(only)) {
                continue;
            }
            for (String shape : parse(shapes)) {
                line.append(String.format("%n  %s %-16s %7.1f GFLOP/s", dtype, shape, gflops(be, dtype, shape, clock, fastest)));
            }
        }
        System.out.println(line);
    }

    private static List<String> parse(String shapes) {
        List<String> out = new ArrayList<>();
        for (String s : shapes.split(",")) {
            if (!s.matches("\\d+x\\d+x\\d+(tn|nt|tt|nn)?")) {
                throw new IllegalArgumentException("shape '" + s + "' is not MxKxN with an optional tn, nt or tt");
            }
            out.add(s);
        }
        return out;
    }

    private static double gflops(Backend be, DType dtype, String shape, Timing.Clock clock, boolean fastest) {
        String[] mkn = shape.replaceAll("[nt]+$", "").split("x");
        int m = Integer.parseInt(mkn[0]);
        int k = Integer.parseInt(mkn[1]);
        int n = Integer.parseInt(mkn[2]);
        boolean ta = shape.endsWith("tn") || shape.endsWith("tt");
        boolean tb = shape.endsWith("nt") || shape.endsWith("tt");
        try (Tensor a = be.randomUniform(dtype, ta ? Shape.of(k, m) : Shape.of(m, k), -1, 1, 1);
             Tensor b = be.randomUniform(dtype, tb ? Shape.of(n, k) : Shape.of(k, n), -1, 1, 2);
             Tensor c = be.zeros(dtype, Shape.of(m, n))) {
            Runnable product = () -> be.gemm(1, a, ta, b, tb, 0, c);
            double nanos = fastest ? Timing.fastestCall(product, clock, 20, FASTEST_OF_NANOS)
                    : Timing.nanosPerCall(product, clock, 3, 5, BATCH_NANOS);
            return 2.0 * m * n * k / nanos;
        }
    }
}
