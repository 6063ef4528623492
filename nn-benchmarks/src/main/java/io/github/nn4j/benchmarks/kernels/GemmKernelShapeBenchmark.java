package io.github.nn4j.benchmarks.kernels;

import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.benchmarks.BackendUnderTest;
import io.github.nn4j.benchmarks.ForkSettings;
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
 * The pure backend's single-precision GEMM on one thread with each SIMD micro-kernel shape (rows x vectors of the
 * preferred width; {@code nn4j.pure.gemmKernel}), to choose the default shape per register budget by measurement.
 * Run it once as it is (AVX-512 where the CPU has it: 32 registers) and once with
 * {@code -jvmArgsAppend -XX:UseAVX=2} (AVX2: 16 registers). One thread, so that the kernel, not the division of
 * work, decides. The report derives GFLOP/s = 2·m·n·k / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK})
public class GemmKernelShapeBenchmark {
    /** The pure backend's system property that forces a micro-kernel shape. */
    static final String KERNEL_PROPERTY = "nn4j.pure.gemmKernel";
    /** The pure backend's system property for its thread count. */
    static final String THREADS_PROPERTY = "nn4j.pure.threads";

    /** Micro-kernel shape, rows x vectors. */
    @Param({"4x2", "6x2", "4x3", "8x2", "8x3", "12x2"})
    public String kernel;

    /** Product shape, {@code MxKxN[:tA][:tB]}. */
    @Param({"512x512x512", "256x784x128"})
    public String shape;

    private GemmOperands operands;

    /** Creates the pure backend with the shape on one thread (each trial runs in a fresh fork), and the operands. */
    @Setup
    public void setUp() {
        System.setProperty(KERNEL_PROPERTY, kernel);
        System.setProperty(THREADS_PROPERTY, "1");
        operands = new GemmOperands(BackendUnderTest.named("pure"), DType.FLOAT32, GemmShape.parse(shape), 234);
        String description = BackendUnderTest.named("pure").description();
        if (!description.contains("GEMM " + kernel + " ")) {
            throw new IllegalStateException("the pure backend runs '" + description + "', not kernel " + kernel);
        }
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
