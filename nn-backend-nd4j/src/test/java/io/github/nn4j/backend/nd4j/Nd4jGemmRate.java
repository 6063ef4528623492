package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A tool, not a test: the ND4J backend's GEMM rate, median of five batches, for the sizes the project quotes. With
 * {@code -Dnn4j.nd4j.blasThreads=1} the rate is per CPU-second of the calling thread (OpenBLAS then computes on
 * it), which is its speed on one core undisturbed by other processes on a shared machine; with more BLAS threads
 * use {@code -Dnn4j.gemmrate.wall=true} for wall-clock time (meaningful only on an otherwise idle machine).
 *
 * <pre>
 * cd nn-backend-nd4j &amp;&amp; mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Dnn4j.nd4j.blasThreads=1 -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      io.github.nn4j.backend.nd4j.Nd4jGemmRate
 * java -Dnn4j.gemmrate.wall=true -cp ... io.github.nn4j.backend.nd4j.Nd4jGemmRate
 * </pre>
 */
public final class Nd4jGemmRate {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final boolean WALL = Boolean.getBoolean("nn4j.gemmrate.wall");

    private Nd4jGemmRate() {
    }

    /** Prints one line: the core type setting, then GFLOP/s for each dtype and size. */
    public static void main(String[] args) {
        Backend be = Nd4jTestBackends.standard();
        StringBuilder line = new StringBuilder(be.description() + " OPENBLAS_CORETYPE="
                + System.getenv("OPENBLAS_CORETYPE") + (WALL ? " (wall clock)" : " (thread CPU time)"));
        for (DType dtype : DType.values()) {
            for (int[] mkn : new int[][] {{1024, 1024, 1024}, {256, 784, 128}, {64, 784, 128}}) {
                line.append(String.format(" | %s %dx%dx%d %.1f", dtype, mkn[0], mkn[1], mkn[2], gflops(be, dtype, mkn)));
            }
        }
        System.out.println(line);
    }

    private static long now() {
        return WALL ? System.nanoTime() : MX.getCurrentThreadCpuTime();
    }

    private static double gflops(Backend be, DType dtype, int[] mkn) {
        int m = mkn[0];
        int k = mkn[1];
        int n = mkn[2];
        double flops = 2.0 * m * n * k;
        try (Tensor a = be.randomUniform(dtype, Shape.of(m, k), -1, 1, 1);
             Tensor b = be.randomUniform(dtype, Shape.of(k, n), -1, 1, 2); Tensor c = be.zeros(dtype, Shape.of(m, n))) {
            for (int i = 0; i < 3; i++) {
                be.gemm(1, a, false, b, false, 0, c);
            }
            double[] rates = new double[5];
            for (int r = 0; r < rates.length; r++) {
                int reps = 0;
                long t0 = now();
                long t;
                do {
                    be.gemm(1, a, false, b, false, 0, c);
                    reps++;
                    t = now() - t0;
                } while (t < 400_000_000L);
                rates[r] = flops * reps / t;
            }
            Arrays.sort(rates);
            return rates[2];
        }
    }
}
