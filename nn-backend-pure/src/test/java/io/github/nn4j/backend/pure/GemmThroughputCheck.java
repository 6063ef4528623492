package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Developer-only GEMM throughput check (not a test; official numbers come from JMH in nn-benchmarks).
 * Prints the median GFLOP/s of repeated {@code c = a b} for a few shapes, by wall clock and per CPU-second of
 * the process (the latter is less distorted when other processes share the cores). Run from the module directory:
 * <pre>
 * java [--add-modules jdk.incubator.vector] -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.github.nn4j.backend.pure.GemmThroughputCheck
 * </pre>
 */
public final class GemmThroughputCheck {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private GemmThroughputCheck() {
    }

    public static void main(String[] args) {
        Backend backend = new PureBackendProvider().create();
        System.out.println(backend.description());
        int[][] shapes = {{256, 256, 256}, {1024, 1024, 1024}, {256, 128, 784}, {256, 784, 128}};
        for (DType dtype : DType.values()) {
            for (int[] s : shapes) {
                measure(backend, dtype, s[0], s[1], s[2], false, false);
            }
            measure(backend, dtype, 784, 128, 256, true, false); // weight gradient x^T dy
            measure(backend, dtype, 256, 784, 128, false, true); // input gradient dy w^T
        }
    }

    private static void measure(Backend backend, DType dtype, int m, int n, int k, boolean ta, boolean tb) {
        try (Tensor a = backend.randomUniform(dtype, ta ? Shape.matrix(k, m) : Shape.matrix(m, k), -1, 1, 1);
             Tensor b = backend.randomUniform(dtype, tb ? Shape.matrix(n, k) : Shape.matrix(k, n), -1, 1, 2);
             Tensor c = backend.zeros(dtype, Shape.matrix(m, n))) {
            double flops = 2.0 * m * n * k;
            int reps = (int) Math.max(5, Math.min(2000, 3e10 / flops));
            for (int i = 0; i < reps; i++) {
                backend.gemm(1, a, ta, b, tb, 0, c);
            }
            double[] gflops = new double[9];
            double[] perCpu = new double[9];
            for (int r = 0; r < gflops.length; r++) {
                long t0 = System.nanoTime();
                long u0 = OS.getProcessCpuTime();
                for (int i = 0; i < reps / 3 + 1; i++) {
                    backend.gemm(1, a, ta, b, tb, 0, c);
                }
                gflops[r] = flops * (reps / 3 + 1) / (System.nanoTime() - t0);
                perCpu[r] = flops * (reps / 3 + 1) / (OS.getProcessCpuTime() - u0);
            }
            Arrays.sort(gflops);
            Arrays.sort(perCpu);
            System.out.printf("%s %4dx%4dx%4d %s%s  median %6.1f GFLOP/s wall (min %.1f, max %.1f),"
                    + " %6.1f GFLOP per CPU-second%n", dtype, m, n, k, ta ? "T" : "N", tb ? "T" : "N",
                    gflops[4], gflops[0], gflops[8], perCpu[4]);
        }
    }
}
