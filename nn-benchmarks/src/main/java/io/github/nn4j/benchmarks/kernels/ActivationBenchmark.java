package io.github.nn4j.benchmarks.kernels;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
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
 * The element-wise activation kernels on a FLOAT32 {@code 256×784} matrix (a batch of 256 MNIST-sized rows):
 * {@code y = f(x)} and {@code dx = f'(x)·dy}, with {@code x} and {@code dy} drawn from N(0, 1) by fixed seeds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK})
public class ActivationBenchmark {
    private static final Shape SHAPE = Shape.matrix(256, 784);

    /** Backend name. */
    @Param({"pure", "jblas", "nd4j"})
    public String backend;

    /** The activation function. */
    @Param({"RELU", "SIGMOID", "TANH"})
    public Activation function;

    private Backend be;
    private Tensor x;
    private Tensor y;
    private Tensor dy;
    private Tensor dx;

    /** Creates the inputs and computes {@code y} once, so that the backward pass sees a consistent pair. */
    @Setup
    public void setUp() {
        be = BackendUnderTest.named(backend);
        x = be.randomNormal(DType.FLOAT32, SHAPE, 0, 1, 234);
        dy = be.randomNormal(DType.FLOAT32, SHAPE, 0, 1, 235);
        y = be.zeros(DType.FLOAT32, SHAPE);
        dx = be.zeros(DType.FLOAT32, SHAPE);
        be.activation(function, x, y);
    }

    /** {@code y = f(x)}. */
    @Benchmark
    public Tensor forward() {
        be.activation(function, x, y);
        return y;
    }

    /** {@code dx = f'(x)·dy}. */
    @Benchmark
    public Tensor backward() {
        be.activationBackward(function, x, y, dy, dx);
        return dx;
    }

    /** Frees the tensors. */
    @TearDown
    public void tearDown() {
        if (x != null) {
            x.close();
            y.close();
            dy.close();
            dx.close();
        }
    }
}
