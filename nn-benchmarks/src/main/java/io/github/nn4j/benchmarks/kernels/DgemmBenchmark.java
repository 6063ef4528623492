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
 * Double-precision GEMM {@code C = A·B} (see {@link GemmShape}) at 1024³ and at the autoencoder's forward
 * shape at batch 256, for users who train in FLOAT64. The report derives GFLOP/s = 2·m·n·k / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK})
public class DgemmBenchmark {
    /** Backend name. */
    @Param({"pure", "jblas", "nd4j"})
    public String backend;

    /** Product shape, {@code MxKxN[:tA][:tB]}. */
    @Param({"1024x1024x1024", "256x784x128"})
    public String shape;

    private GemmOperands operands;

    /** Creates the operands on the backend. */
    @Setup
    public void setUp() {
        operands = new GemmOperands(BackendUnderTest.named(backend), DType.FLOAT64, GemmShape.parse(shape), 234);
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
