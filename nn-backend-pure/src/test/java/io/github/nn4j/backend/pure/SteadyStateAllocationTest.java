package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Dropout;
import io.github.nn4j.api.layer.Normalization;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.loss.SoftmaxCrossEntropy;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.optim.LearningRateSchedule;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A training step allocates (almost) nothing once warmed up: tensors and GEMM buffers are reused, no
 * kernel creates per-call objects. Measured as heap bytes allocated by all live threads (the caller and the
 * GEMM workers) over many steps; the bound leaves a wide margin for unrelated threads (measured: under 2
 * bytes per step; before the buffers were reused, kilobytes; with a boxing SIMD sigmoid, 1.2 MB).
 *
 * <p>The scalar kernels are checked in every test JVM. The SIMD kernels are checked in the JVM that has
 * the Vector API module, which the build starts with {@code -XX:PerMethodTrapLimit=10000}: without that
 * option, whether C2 intrinsifies the whole sigmoid loop depends on the JIT's history in the JVM (see
 * {@link PureOptions#TRAP_LIMIT_OPTION}), and these tests, run after hundreds of others, are the kind of history in which
 * it did not. {@link AllocationCheck} measures a fresh JVM.
 */
class SteadyStateAllocationTest {
    /** Average bytes per step allowed; far above the measured ~1 byte, far below any per-element garbage. */
    private static final double BOUND_PER_STEP = 1024;

    @Test
    void xorStepAllocatesNothing() {
        assertThat(xorBytesPerStep(KernelSets.scalar(2)))
                .as("heap bytes per XOR training step (scalar kernels)").isLessThan(BOUND_PER_STEP);
    }

    @Test
    void autoencoderStepAllocatesNothing() {
        // Batch 16 makes the 784x128 products large enough for the GEMM's parallel path (two threads).
        assertThat(autoencoderBytesPerStep(KernelSets.scalar(2), 16))
                .as("heap bytes per autoencoder training step, batch 16 (scalar kernels)").isLessThan(BOUND_PER_STEP);
    }

    @Test
    void xorStepAllocatesNothingOnSimdKernels() {
        assumeSimdWithRaisedTrapLimit();
        assertThat(xorBytesPerStep(KernelSets.vector(2)))
                .as("heap bytes per XOR training step (SIMD kernels)").isLessThan(BOUND_PER_STEP);
    }

    @Test
    void autoencoderStepAllocatesNothingOnSimdKernels() {
        assumeSimdWithRaisedTrapLimit();
        // Batch 256: the sigmoid covers 200,704 elements, the size at which boxing was seen.
        assertThat(autoencoderBytesPerStep(KernelSets.vector(2), 256))
                .as("heap bytes per autoencoder training step, batch 256 (SIMD kernels)").isLessThan(BOUND_PER_STEP);
    }

    @Test
    void classifierStepAllocatesNothing() {
        assertThat(classifierBytesPerStep(KernelSets.scalar(2), 16))
                .as("heap bytes per classifier training step, batch 16 (scalar kernels)").isLessThan(BOUND_PER_STEP);
    }

    @Test
    void classifierStepAllocatesNothingOnSimdKernels() {
        assumeSimdWithRaisedTrapLimit();
        assertThat(classifierBytesPerStep(KernelSets.vector(2), 128))
                .as("heap bytes per classifier training step, batch 128 (SIMD kernels)").isLessThan(BOUND_PER_STEP);
    }

    private static double xorBytesPerStep(Backend be) {
        try (Network net = AllocationCheck.xorNetwork(be);
             Tensor x = be.fromArray(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, Shape.matrix(4, 2));
             Tensor y = be.fromArray(new float[] {0, 1, 1, 0}, Shape.matrix(4, 1));
             Sgd sgd = new Sgd(0.5)) {
            MeanSquaredError mse = new MeanSquaredError();
            return bytesPerStep(() -> net.trainStep(x, y, mse, sgd), 50_000, 10_000);
        }
    }

    private static double autoencoderBytesPerStep(Backend be, int batch) {
        try (Network net = AllocationCheck.autoencoder(be);
             Tensor images = be.randomUniform(DType.FLOAT32, Shape.matrix(batch, 784), 0, 1, 7);
             Sgd sgd = new Sgd(0.01)) {
            MeanSquaredError mse = new MeanSquaredError();
            return bytesPerStep(() -> net.trainStep(images, images, mse, sgd), 300, 100);
        }
    }

    /**
     * The app's classifier (input standardization, dropout, ReLU, softmax cross-entropy on labels, SGD with momentum,
     * weight decay and a cosine schedule), in cycles of five steps on {@code batch} rows and one on half as many, as
     * an epoch ends with a short batch: the layers keep their buffers for both shapes.
     */
    private static double classifierBytesPerStep(Backend be, int batch) {
        int half = batch / 2;
        try (Network net = Network.of(new Normalization(0.13, 0.31), new Dropout(0.2, 1),
                new Dense(be, DType.FLOAT32, 784, 256, WeightInit.HE_UNIFORM, 2), new ReLU(), new Dropout(0.25, 3),
                new Dense(be, DType.FLOAT32, 256, 128, WeightInit.HE_UNIFORM, 4), new ReLU(), new Dropout(0.25, 5),
                new Dense(be, DType.FLOAT32, 128, 10, WeightInit.XAVIER_UNIFORM, 6));
             Tensor x = be.randomUniform(DType.FLOAT32, Shape.matrix(batch, 784), 0, 1, 7);
             Tensor xHalf = be.randomUniform(DType.FLOAT32, Shape.matrix(half, 784), 0, 1, 8);
             Tensor y = be.fromArray(DType.FLOAT32, labels(batch), Shape.matrix(batch, 1));
             Tensor yHalf = be.fromArray(DType.FLOAT32, labels(half), Shape.matrix(half, 1));
             Sgd sgd = Sgd.builder(0.01).momentum(0.9).weightDecay(5e-4)
                     .schedule(LearningRateSchedule.cosine(1_000_000)).build()) {
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            Runnable cycle = () -> {
                for (int i = 0; i < 5; i++) {
                    net.trainStep(x, y, loss, sgd);
                }
                net.trainStep(xHalf, yHalf, loss, sgd);
            };
            return bytesPerStep(cycle, 100, 20) / 6;
        }
    }

    private static double[] labels(int n) {
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return labels;
    }

    private static void assumeSimdWithRaisedTrapLimit() {
        SimdExpectation.requireVectorModule();
        assumeTrue(PureOptions.trapLimitRaised(), "SIMD allocation checked only with -XX:"
                + PureOptions.TRAP_LIMIT_OPTION + "=" + PureOptions.RECOMMENDED_TRAP_LIMIT + " (the build passes it; "
                + "SimdExecutionTest fails where it is missing)");
    }

    /**
     * Bytes per step after {@code warmUp} steps: the least of three rounds of {@code measured} steps, so that a
     * compilation still pending on a loaded machine (its interim code allocates) does not count, while garbage
     * made by every step still shows in every round.
     */
    private static double bytesPerStep(Runnable step, int warmUp, int measured) {
        for (int i = 0; i < warmUp; i++) {
            step.run();
        }
        double least = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = AllocatedBytes.allThreads();
            for (int i = 0; i < measured; i++) {
                step.run();
            }
            least = Math.min(least, (AllocatedBytes.allThreads() - before) / (double) measured);
        }
        return least;
    }
}
