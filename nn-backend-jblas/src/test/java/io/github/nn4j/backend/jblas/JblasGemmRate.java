package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A tool, not a test: the jblas backend's GEMM rate in GFLOP/s per CPU-second of the calling thread (jblas's
 * OpenBLAS is single-threaded, so this is its speed on one core, undisturbed by other processes on a shared
 * machine), median of five batches, for the sizes the project quotes. Compare {@code OPENBLAS_CORETYPE} settings:
 *
 * <pre>
 * cd nn-backend-jblas &amp;&amp; mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.github.nn4j.backend.jblas.JblasGemmRate
 * OPENBLAS_CORETYPE=Haswell java -cp ... io.github.nn4j.backend.jblas.JblasGemmRate
 * </pre>
 */
public final class JblasGemmRate {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private JblasGemmRate() {
    }

    /** Prints one line: the core type setting, then GFLOP/s for each dtype and size. */
    public static void main(String[] args) {
        Backend be = JblasTestBackend.get();
        StringBuilder line = new StringBuilder("jblas OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE"));
        for (DType dtype : DType.values()) {
            for (int[] mkn : new int[][] {{1024, 1024, 1024}, {256, 784, 128}, {64, 784, 128}}) {
                line.append(String.format(" | %s %dx%dx%d %.1f", dtype, mkn[0], mkn[1], mkn[2], gflops(be, dtype, mkn)));
            }
        }
        System.out.println(line);
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
                long t0 = MX.getCurrentThreadCpuTime();
                long t;
                do {
                    be.gemm(1, a, false, b, false, 0, c);
                    reps++;
                    t = MX.getCurrentThreadCpuTime() - t0;
                } while (t < 400_000_000L);
                rates[r] = flops * reps / t;
            }
            Arrays.sort(rates);
            return rates[2];
        }
    }
}
