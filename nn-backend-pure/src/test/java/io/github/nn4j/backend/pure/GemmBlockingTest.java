package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The GEMM template refuses cache blocks that are not whole micro-kernel blocks (its packing assumes them). */
class GemmBlockingTest {
    private static final TileExecutor ONE_THREAD = new TileExecutor(1, "unused-");

    @Test
    void blocksMustBeMultiplesOfTheMicroKernel() {
        assertThatThrownBy(() -> new FloatGemmProbe(4, 4, 8, 6, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6x8").hasMessageContaining("4x4");
        assertThatThrownBy(() -> new FloatGemmProbe(4, 4, 8, 8, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DoubleGemmProbe(4, 4, 8, 6, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6x8");
        assertThatThrownBy(() -> new DoubleGemmProbe(4, 4, 8, 8, 6)).isInstanceOf(IllegalArgumentException.class);
        new FloatGemmProbe(4, 4, 8, 8, 8);
        new DoubleGemmProbe(4, 4, 8, 8, 8);
    }

    /** A FLOAT32 GEMM with the given blocks and a micro-kernel that is never called. */
    private static final class FloatGemmProbe extends FloatGemm {
        FloatGemmProbe(int mr, int nr, int kc, int mc, int nc) {
            super(mr, nr, kc, mc, nc, ONE_THREAD);
        }

        @Override
        protected void microKernel(int kc, float[] aPanel, int aOff, float[] bPanel, int bOff, float[] acc) {
            throw new AssertionError("not called");
        }
    }

    /** A FLOAT64 GEMM with the given blocks and a micro-kernel that is never called. */
    private static final class DoubleGemmProbe extends DoubleGemm {
        DoubleGemmProbe(int mr, int nr, int kc, int mc, int nc) {
            super(mr, nr, kc, mc, nc, ONE_THREAD);
        }

        @Override
        protected void microKernel(int kc, double[] aPanel, int aOff, double[] bPanel, int bOff, double[] acc) {
            throw new AssertionError("not called");
        }
    }
}
