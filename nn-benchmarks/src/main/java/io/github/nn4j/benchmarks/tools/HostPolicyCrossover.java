package io.github.nn4j.benchmarks.tools;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;
import java.util.function.BiFunction;

/**
 * {@code host-policy}: the measurement behind the ND4J backend's {@code HostPolicy} thresholds. For each kernel family
 * and size, the CPU time of the calling thread per call with every kernel in Java on host memory
 * ({@code nn4j.nd4j.kernels=java}; GEMM by OpenBLAS called directly) and as ND4J ops ({@code nd4j}), median of five
 * batches. Thread CPU time, so that other processes on a shared machine do not distort it; run with
 * {@code -Dnn4j.nd4j.blasThreads=1} so that GEMM's work is on the calling thread too.
 *
 * <pre>
 * Tool host-policy [--dtype FLOAT32|FLOAT64]
 * </pre>
 */
final class HostPolicyCrossover {
    private static final int WARM_UP_CALLS = 300;
    private static final int BATCHES = 5;
    private static final long BATCH_NANOS = 30_000_000L;
    private static final int COLS = 128;
    private static final int[] SIZES = {128, 256, 1024, 4096, 16_384, 65_536};
    private static final int[] GEMM_SIDES = {4, 8, 16, 20, 24, 32, 48};

    /** A kernel call on tensors of one shape: tensors are a, b (positive), out, row, column sums, transpose out. */
    private interface Kernel extends BiFunction<Backend, Tensor[], Runnable> {
    }

    private HostPolicyCrossover() {
    }

    static void run(Options options) {
        if (options.help()) {
            System.out.println("host-policy [--dtype FLOAT32|FLOAT64]");
            return;
        }
        DType dtype = DType.valueOf(options.get("dtype", "FLOAT32"));
        options.requireAllRead();
        Backend[] backends = {Nd4jPolicies.backend("java"), Nd4jPolicies.backend("nd4j")};
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
        for (int k = 0; k < kernels.length; k++) {
            StringBuilder line = new StringBuilder(String.format("%-13s", names[k]));
            for (int n : SIZES) {
                double[] us = new double[2];
                for (int i = 0; i < 2; i++) {
                    Backend be = backends[i];
                    Shape s = Shape.of(n / COLS, COLS);
                    try (Tensor a = be.randomUniform(dtype, s, -1, 1, 1); Tensor b = be.randomUniform(dtype, s, 0.1, 1, 2);
                         Tensor out = be.zeros(dtype, s); Tensor row = be.randomUniform(dtype, Shape.of(1, COLS), -1, 1, 3);
                         Tensor sums = be.zeros(dtype, Shape.of(1, COLS));
                         Tensor t = be.zeros(dtype, Shape.of(COLS, n / COLS))) {
                        us[i] = micros(kernels[k].apply(be, new Tensor[] {a, b, out, row, sums, t}));
                    }
                }
                line.append(String.format(" | n=%d java %.2f nd4j %.2f", n, us[0], us[1]));
            }
            System.out.println(line);
        }
        StringBuilder line = new StringBuilder(String.format("%-13s", "gemm"));
        for (int s : GEMM_SIDES) {
            double[] us = new double[2];
            for (int i = 0; i < 2; i++) {
                Backend be = backends[i];
                try (Tensor a = be.randomUniform(dtype, Shape.of(s, s), -1, 1, 1);
                     Tensor b = be.randomUniform(dtype, Shape.of(s, s), -1, 1, 2);
                     Tensor c = be.zeros(dtype, Shape.of(s, s))) {
                    us[i] = micros(() -> be.gemm(1, a, false, b, false, 0, c));
                }
            }
            line.append(String.format(" | mnk=%d java %.2f nd4j %.2f", s * s * s, us[0], us[1]));
        }
        System.out.println(line);
    }

    private static double micros(Runnable call) {
        return Timing.nanosPerCall(call, Timing.Clock.THREAD_CPU, WARM_UP_CALLS, BATCHES, BATCH_NANOS) / 1e3;
    }
}
