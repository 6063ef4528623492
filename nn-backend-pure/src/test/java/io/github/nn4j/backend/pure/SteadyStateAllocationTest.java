package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
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
