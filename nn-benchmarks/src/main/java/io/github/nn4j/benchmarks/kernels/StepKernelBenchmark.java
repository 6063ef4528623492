package io.github.nn4j.benchmarks.kernels;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.loss.MeanSquaredError;
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
 * The non-GEMM kernels of an autoencoder training step at batch 256, on its largest layer (128→784, FLOAT32),
 * one at a time: what is left to gain by fusing them (e.g. the bias add into the activation) is bounded by
 * what each costs against the whole step ({@code AutoencoderStepBenchmark}).
 * <ul>
 *   <li>{@code BIAS_ADD}: {@code y += b} over a 256×784 batch ({@code Dense} forward after its GEMM);</li>
 *   <li>{@code BIAS_GRADIENT}: column sums of a 256×784 gradient ({@code Dense} backward);</li>
 *   <li>{@code SGD_UPDATE}: {@code w -= 0.01·g} on a 128×784 weight matrix;</li>
 *   <li>{@code MSE_GRADIENT}: loss value and gradient of 256×784 predictions.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK})
public class StepKernelBenchmark {
    private static final Shape BATCH = Shape.matrix(256, 784);
    private static final Shape WEIGHTS = Shape.matrix(128, 784);

    /** The step's kernels measured here. */
    public enum Kernel {
        /** {@code y += b}, 256×784. */
        BIAS_ADD,
        /** Column sums of a 256×784 gradient. */
        BIAS_GRADIENT,
        /** {@code w -= 0.01·g}, 128×784. */
        SGD_UPDATE,
        /** Loss and gradient of a 256×784 prediction. */
        MSE_GRADIENT
    }

    /** Backend name. */
    @Param({"pure", "jblas", "nd4j"})
    public String backend;

    /** The kernel. */
    @Param({"BIAS_ADD", "BIAS_GRADIENT", "SGD_UPDATE", "MSE_GRADIENT"})
    public Kernel kernel;

    private Backend be;
    private Tensor batch;
    private Tensor target;
    private Tensor out;
    private Tensor bias;
    private Tensor weights;
    private Tensor weightGradient;
    private final MeanSquaredError mse = new MeanSquaredError();

    /** Inputs from N(0, 1) by fixed seeds. */
    @Setup
    public void setUp() {
        be = BackendUnderTest.named(backend);
        batch = be.randomNormal(DType.FLOAT32, BATCH, 0, 1, 301);
        target = be.randomUniform(DType.FLOAT32, BATCH, 0, 1, 302);
        out = be.zeros(DType.FLOAT32, BATCH);
        bias = be.randomNormal(DType.FLOAT32, Shape.matrix(1, 784), 0, 0.1, 303);
        weights = be.randomNormal(DType.FLOAT32, WEIGHTS, 0, 0.1, 304);
        weightGradient = be.randomNormal(DType.FLOAT32, WEIGHTS, 0, 1e-3, 305);
    }

    /** One call of the kernel. */
    @Benchmark
    public Object run() {
        switch (kernel) {
            case BIAS_ADD:
                be.addRowVector(out, bias, out);
                return out;
            case BIAS_GRADIENT:
                be.sumAlong(0, batch, bias);
                return bias;
            case SGD_UPDATE:
                be.axpy(-0.01, weightGradient, weights); // drifts by 1e-5 per call: no overflow, no subnormals
                return weights;
            case MSE_GRADIENT:
                return mse.valueAndGradient(batch, target, out);
            default:
                throw new IllegalStateException("unknown kernel " + kernel);
        }
    }

    /** Frees the tensors. */
    @TearDown
    public void tearDown() {
        for (Tensor t : new Tensor[] {batch, target, out, bias, weights, weightGradient}) {
            if (t != null) {
                t.close();
            }
        }
    }
}
