package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * The measurement behind {@link HostPolicy}'s thresholds (a tool, not a test): for each kernel family and size,
 * the CPU time of the calling thread per call on host memory ({@link HostPolicy#hostOnly()}: Java loops, and
 * OpenBLAS called directly for GEMM) and as ND4J ops ({@link HostPolicy#nativeOnly()}), median of five batches. Thread CPU time rather than
 * wall time, so that other processes on a shared machine do not distort it; run with
 * {@code -Dnn4j.nd4j.blasThreads=1} so that GEMM's work is on the calling thread too.
 *
 * <pre>
 * cd nn-backend-nd4j &amp;&amp; mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Dnn4j.nd4j.blasThreads=1 -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      io.github.nn4j.backend.nd4j.HostPolicyCrossover FLOAT32
 * </pre>
 */
public final class HostPolicyCrossover {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private HostPolicyCrossover() {
    }

    /** Median over five batches of at least 30 ms CPU time each, in microseconds per call. */
    private static double micros(Runnable r) {
        for (int i = 0; i < 300; i++) {
            r.run();
        }
        double[] batches = new double[5];
        for (int b = 0; b < batches.length; b++) {
            int reps = 0;
            long t0 = MX.getCurrentThreadCpuTime();
            long t;
            do {
                r.run();
                reps++;
                t = MX.getCurrentThreadCpuTime() - t0;
            } while (t < 30_000_000L);
            batches[b] = t / 1e3 / reps;
        }
        Arrays.sort(batches);
        return batches[2];
    }

    /** A kernel call on tensors of one shape: {@code (backend, tensors) -> call}; tensors are a, b (positive), out. */
    private interface Kernel extends BiFunction<Backend, Tensor[], Runnable> {
    }

    /** Arguments: the dtype ({@code FLOAT32} or {@code FLOAT64}). Prints one line per kernel family. */
    public static void main(String[] args) {
        Nd4jTestBackends.standard(); // starts ND4J with the usual settings
        Backend java = Nd4jTestBackends.hostOnly();
        Backend nd4j = Nd4jTestBackends.nativeOnly();
        DType dtype = DType.valueOf(args.length > 0 ? args[0] : "FLOAT32");
        String[] names = {"add", "scale", "exp", "sigmoid", "relu", "sigmoid-grad", "addRowVector", "axpy", "sumAlong0",
            "fill", "transpose"};
        Kernel[] kernels = {
            (be, t) -> () -> be.binary(BinaryOp.ADD, t[0], t[1], t[2]),
            (be, t) -> () -> be.scalar(ScalarOp.MUL, t[0], 0.5, t[2]),
            (be, t) -> () -> be.unary(UnaryOp.EXP, t[0], t[2]),
            (be, t) -> () -> be.activation(Activation.SIGMOID, t[0], t[2]),
            (be, t) -> () -> be.activation(Activation.RELU, t[0], t[2]),
            (be, t) -> () -> be.activationBackward(Activation.SIGMOID, t[0], t[1], t[1], t[2]),
            (be, t) -> () -> be.addRowVector(t[0], t[3], t[2]),
            (be, t) -> () -> be.axpy(0.1, t[0], t[2]),
            (be, t) -> () -> be.sumAlong(0, t[0], t[4]),
            (be, t) -> () -> be.fill(t[2], 0.5),
            (be, t) -> () -> be.transpose(t[0], t[5]),
        };
        int cols = 128;
        for (int k = 0; k < kernels.length; k++) {
            StringBuilder line = new StringBuilder(String.format("%-13s", names[k]));
            for (int n : new int[] {128, 256, 1024, 4096, 16_384, 65_536}) {
                double[] us = new double[2];
                Backend[] backends = {java, nd4j};
                for (int i = 0; i < 2; i++) {
                    Backend be = backends[i];
                    Shape s = Shape.of(n / cols, cols);
                    try (Tensor a = be.randomUniform(dtype, s, -1, 1, 1); Tensor b = be.randomUniform(dtype, s, 0.1, 1, 2);
                         Tensor out = be.zeros(dtype, s); Tensor row = be.randomUniform(dtype, Shape.of(1, cols), -1, 1, 3);
                         Tensor sums = be.zeros(dtype, Shape.of(1, cols)); Tensor t = be.zeros(dtype, Shape.of(cols, n / cols))) {
                        us[i] = micros(kernels[k].apply(be, new Tensor[] {a, b, out, row, sums, t}));
                    }
                }
                line.append(String.format(" | n=%d host %.2f nd4j %.2f", n, us[0], us[1]));
            }
            System.out.println(line);
        }
        StringBuilder line = new StringBuilder(String.format("%-13s", "gemm"));
        for (int s : new int[] {4, 8, 16, 20, 24, 32, 48}) {
            double[] us = new double[2];
            Backend[] backends = {java, nd4j};
            for (int i = 0; i < 2; i++) {
                Backend be = backends[i];
                try (Tensor a = be.randomUniform(dtype, Shape.of(s, s), -1, 1, 1);
                     Tensor b = be.randomUniform(dtype, Shape.of(s, s), -1, 1, 2); Tensor c = be.zeros(dtype, Shape.of(s, s))) {
                    us[i] = micros(() -> be.gemm(1, a, false, b, false, 0, c));
                }
            }
            line.append(String.format(" | mnk=%d host %.2f nd4j %.2f", s * s * s, us[0], us[1]));
        }
        System.out.println(line);
    }
}
