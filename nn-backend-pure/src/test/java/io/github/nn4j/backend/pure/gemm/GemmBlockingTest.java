package io.github.nn4j.backend.pure.gemm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.backend.pure.threads.TileExecutor;
import org.junit.jupiter.api.Test;

/** The GEMM refuses cache blocks that are not whole micro-kernel blocks (its packing assumes them). */
class GemmBlockingTest {
    private static final TileExecutor ONE_THREAD = new TileExecutor(1, "unused-");

    @Test
    void blocksMustBeMultiplesOfTheMicroKernel() {
        assertThatThrownBy(() -> new FloatGemm(new FloatProbe(4, 4), new GemmBlocking(8, 6, 8), ONE_THREAD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6x8").hasMessageContaining("4x4");
        assertThatThrownBy(() -> new FloatGemm(new FloatProbe(4, 4), new GemmBlocking(8, 8, 6), ONE_THREAD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DoubleGemm(new DoubleProbe(4, 4), new GemmBlocking(8, 6, 8), ONE_THREAD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6x8");
        assertThatThrownBy(() -> new DoubleGemm(new DoubleProbe(4, 4), new GemmBlocking(8, 8, 6), ONE_THREAD))
                .isInstanceOf(IllegalArgumentException.class);
        new FloatGemm(new FloatProbe(4, 4), new GemmBlocking(8, 8, 8), ONE_THREAD);
        new DoubleGemm(new DoubleProbe(4, 4), new GemmBlocking(8, 8, 8), ONE_THREAD);
    }

    @Test
    void blocksAndKernelsMustBePositive() {
        assertThatThrownBy(() -> new GemmBlocking(0, 8, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kc=0");
        assertThatThrownBy(() -> new FloatProbe(0, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x4");
    }

    /** A FLOAT32 micro-kernel of the given shape that is never called. */
    private static final class FloatProbe extends FloatMicroKernel {
        FloatProbe(int mr, int nr) {
            super(mr, nr);
        }

        @Override
        protected void multiply(int kc, float[] aPanel, int aOff, float[] bPanel, int bOff, float[] acc, int accOff) {
            throw new AssertionError("not called");
        }
    }

    /** A FLOAT64 micro-kernel of the given shape that is never called. */
    private static final class DoubleProbe extends DoubleMicroKernel {
        DoubleProbe(int mr, int nr) {
            super(mr, nr);
        }

        @Override
        protected void multiply(int kc, double[] aPanel, int aOff, double[] bPanel, int bOff, double[] acc, int accOff) {
            throw new AssertionError("not called");
        }
    }
}
