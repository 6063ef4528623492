package io.github.nn4j.benchmarks.kernels;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
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
 * The autoencoder's first layer, {@code Dense(784→128)} in FLOAT32: one forward pass and one backward pass
 * (weight, bias and input gradients), at batch 64 and 256 — three GEMMs, a bias broadcast and a column sum.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK})
public class DenseBenchmark {
    private static final int INPUTS = 784;
    private static final int OUTPUTS = 128;

    /** Backend name. */
    @Param({"pure", "jblas", "nd4j"})
    public String backend;

    /** Rows per batch. */
    @Param({"64", "256"})
    public int batch;

    private Dense layer;
    private Tensor input;
    private Tensor outputGradient;

    /** Creates the layer (Xavier-uniform weights) and a fixed input and output gradient. */
    @Setup
    public void setUp() {
        Backend be = BackendUnderTest.named(backend);
        layer = new Dense(be, INPUTS, OUTPUTS, 234);
        input = be.randomUniform(DType.FLOAT32, Shape.matrix(batch, INPUTS), 0, 1, 235);
        outputGradient = be.randomNormal(DType.FLOAT32, Shape.matrix(batch, OUTPUTS), 0, 0.01, 236);
    }

    /** Forward, then backward with the input gradient; returns the input gradient. */
    @Benchmark
    public Tensor forwardBackward() {
        layer.forward(input, true);
        return layer.backward(outputGradient, true);
    }

    /** Frees the layer and the data. */
    @TearDown
    public void tearDown() {
        if (layer != null) {
            layer.close();
            input.close();
            outputGradient.close();
        }
    }
}
