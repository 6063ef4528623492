package io.github.nn4j.benchmarks.kernels;

import io.github.nn4j.benchmarks.BackendUnderTest;
import io.github.nn4j.benchmarks.ForkSettings;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-precision GEMM {@code C = op(A)·op(B)} (see {@link GemmShape} for the notation): square products of
 * 256, 512 and 1024, and the products of the autoencoder's 784→128 layer at batch 64 and 256 — forward
 * {@code x·W} ({@code B×784×128}), weight gradient {@code xᵀ·dy} ({@code 784×B×128, Aᵀ·B}) and input gradient
 * {@code dy·Wᵀ} ({@code B×128×784, A·Bᵀ}). The report derives GFLOP/s = 2·m·n·k / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK})
public class SgemmBenchmark {
    /** Backend name. */
    @Param({"pure", "jblas", "nd4j"})
    public String backend;

    /** Product shape, {@code MxKxN[:tA][:tB]}. */
    @Param({"256x256x256", "512x512x512", "1024x1024x1024",
            "64x784x128", "256x784x128",
            "784x64x128:tA", "784x256x128:tA",
            "64x128x784:tB", "256x128x784:tB"})
    public String shape;

    private GemmOperands operands;

    /** Creates the operands on the backend. */
    @Setup
    public void setUp() {
        operands = new GemmOperands(BackendUnderTest.named(backend), DType.FLOAT32, GemmShape.parse(shape), 234);
    }

    /** One product. */
    @Benchmark
    public Tensor gemm() {
        return operands.multiply();
    }

    /** Frees the operands. */
    @TearDown
    public void tearDown() {
        if (operands != null) {
            operands.close();
        }
    }
}
