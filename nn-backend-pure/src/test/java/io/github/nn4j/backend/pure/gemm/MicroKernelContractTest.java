package io.github.nn4j.backend.pure.gemm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.backend.pure.threads.TileExecutor;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What a new micro-kernel shape needs: {@code multiply} alone. A kernel of an odd shape (3 x 5) that overrides
 * nothing else (so the contract's default packing and combining run) gives correct products through the blocked
 * driver, on blocks small enough that every path is taken: several kc blocks, bands and strips, partial edge blocks,
 * all transposes, beta 0 over garbage and beta 1, one thread and three. The same kernel offering row panels as well
 * ({@code multiplyRowPanel}) gives the same products, bit for bit.
 */
class MicroKernelContractTest {
    private static final GemmBlocking SMALL_BLOCKS = new GemmBlocking(7, 6, 10);
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 5, 7}, {17, 23, 16}, {13, 11, 40}, {64, 70, 50}, {130, 9, 33}};

    /** Register tile of 3 x 5, written as plainly as possible: the reference shape of the contract. */
    private static class PlainFloat extends FloatMicroKernel {
        PlainFloat() {
            super(3, 5);
        }

        @Override
        protected void multiply(int kc, float[] a, int aOff, float[] b, int bOff, float[] acc, int accOff) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 5; j++) {
                    float s = 0f;
                    for (int p = 0; p < kc; p++) {
                        s += a[aOff + p * 3 + i] * b[bOff + p * 5 + j];
                    }
                    acc[accOff + i * 5 + j] = s;
                }
            }
        }
    }

    /** The FLOAT64 twin of {@link PlainFloat}. */
    private static class PlainDouble extends DoubleMicroKernel {
        PlainDouble() {
            super(3, 5);
        }

        @Override
        protected void multiply(int kc, double[] a, int aOff, double[] b, int bOff, double[] acc, int accOff) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 5; j++) {
                    double s = 0;
                    for (int p = 0; p < kc; p++) {
                        s += a[aOff + p * 3 + i] * b[bOff + p * 5 + j];
                    }
                    acc[accOff + i * 5 + j] = s;
                }
            }
        }
    }

    /** {@link PlainFloat} reading row panels too. */
    private static final class PlainRowsFloat extends PlainFloat {
        final AtomicLong rowPanelCalls = new AtomicLong();

        @Override
        protected boolean multipliesRowPanels() {
            return true;
        }

        @Override
        protected void multiplyRowPanel(int kc, float[] a, int aOff, float[] b, int bOff, float[] acc, int accOff) {
            rowPanelCalls.incrementAndGet();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 5; j++) {
                    float s = 0f;
                    for (int p = 0; p < kc; p++) {
                        s += a[aOff + i * ROW_STRIDE + p] * b[bOff + p * 5 + j];
                    }
                    acc[accOff + i * 5 + j] = s;
                }
            }
        }
    }

    /** {@link PlainDouble} reading row panels too. */
    private static final class PlainRowsDouble extends PlainDouble {
        @Override
        protected boolean multipliesRowPanels() {
            return true;
        }

        @Override
        protected void multiplyRowPanel(int kc, double[] a, int aOff, double[] b, int bOff, double[] acc, int accOff) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 5; j++) {
                    double s = 0;
                    for (int p = 0; p < kc; p++) {
                        s += a[aOff + i * ROW_STRIDE + p] * b[bOff + p * 5 + j];
                    }
                    acc[accOff + i * 5 + j] = s;
                }
            }
        }
    }

    @Test
    void rowPanelsGiveTheSameProductsBitForBit() {
        SplittableRandom random = new SplittableRandom(9);
        TileExecutor executor = new TileExecutor(2, "micro-kernel-rows-");
        FloatGemm steps = new FloatGemm(new PlainFloat(), SMALL_BLOCKS, executor);
        PlainRowsFloat rowsKernel = new PlainRowsFloat();
        FloatGemm rows = new FloatGemm(rowsKernel, SMALL_BLOCKS, executor);
        DoubleGemm stepsD = new DoubleGemm(new PlainDouble(), SMALL_BLOCKS, executor);
        DoubleGemm rowsD = new DoubleGemm(new PlainRowsDouble(), SMALL_BLOCKS, executor);
        for (int[] s : SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0;
                boolean tb = (t & 2) != 0;
                double[] a = new double[m * k];
                double[] b = new double[k * n];
                for (int i = 0; i < a.length; i++) {
                    a[i] = random.nextDouble(-1, 1);
                }
                for (int i = 0; i < b.length; i++) {
                    b[i] = random.nextDouble(-1, 1);
                }
                float[] cf1 = new float[m * n];
                float[] cf2 = new float[m * n];
                double[] cd1 = new double[m * n];
                double[] cd2 = new double[m * n];
                steps.gemm(0.5f, toFloats(a), ta, toFloats(b), tb, 0f, cf1, m, n, k);
                rows.gemm(0.5f, toFloats(a), ta, toFloats(b), tb, 0f, cf2, m, n, k);
                stepsD.gemm(0.5, a, ta, b, tb, 0, cd1, m, n, k);
                rowsD.gemm(0.5, a, ta, b, tb, 0, cd2, m, n, k);
                String what = m + "x" + n + "x" + k + (ta ? " aT" : "") + (tb ? " bT" : "");
                assertThat(cf2).as("FLOAT32 %s", what).containsExactly(cf1);
                assertThat(cd2).as("FLOAT64 %s", what).containsExactly(cd1);
            }
        }
        assertThat(rowsKernel.rowPanelCalls).as("row panels used").hasPositiveValue();
    }

    @Test
    void aKernelThatOnlyMultipliesGivesCorrectProducts() {
        SplittableRandom random = new SplittableRandom(5);
        for (int threads : new int[] {1, 3}) {
            TileExecutor executor = new TileExecutor(threads, "micro-kernel-contract-");
            for (boolean rowPanels : new boolean[] {false, true}) {
                FloatGemm floats = new FloatGemm(rowPanels ? new PlainRowsFloat() : new PlainFloat(), SMALL_BLOCKS,
                        executor);
                DoubleGemm doubles = new DoubleGemm(rowPanels ? new PlainRowsDouble() : new PlainDouble(),
                        SMALL_BLOCKS, executor);
                for (int[] s : SHAPES) {
                    for (int t = 0; t < 4; t++) {
                        for (double beta : new double[] {0, 1}) {
                            check(floats, doubles, random, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, beta);
                        }
                    }
                }
            }
        }
    }

    private static void check(FloatGemm floats, DoubleGemm doubles, SplittableRandom random, int m, int n, int k,
                              boolean ta, boolean tb, double beta) {
        double[] a = randoms(random, m * k);
        double[] b = randoms(random, k * n);
        double[] c0 = randoms(random, m * n);
        double alpha = -0.75;
        double[] expected = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                }
                expected[i * n + j] = alpha * s + beta * c0[i * n + j];
            }
        }
        float[] cf = new float[m * n];
        double[] cd = new double[m * n];
        for (int i = 0; i < cf.length; i++) {
            cf[i] = beta == 0 ? Float.NaN : (float) c0[i];
            cd[i] = beta == 0 ? Double.NaN : c0[i];
        }
        floats.gemm((float) alpha, toFloats(a), ta, toFloats(b), tb, (float) beta, cf, m, n, k);
        doubles.gemm(alpha, a, ta, b, tb, beta, cd, m, n, k);
        String what = m + "x" + n + "x" + k + (ta ? " aT" : "") + (tb ? " bT" : "") + " beta " + beta;
        for (int i = 0; i < expected.length; i++) {
            // inputs are multiples of 1/64 in (-1, 1): double sums are exact, float ones within k float roundings
            assertThat(cd[i]).as("FLOAT64 %s element %d", what, i).isEqualTo(expected[i]);
            assertThat((double) cf[i]).as("FLOAT32 %s element %d", what, i)
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset((k + 2) * 0x1p-24 * (k + 1)));
        }
    }

    private static double[] randoms(SplittableRandom random, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextInt(-63, 64) / 64.0;
        }
        return out;
    }

    private static float[] toFloats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
