package io.github.nn4j.backend.pure.gemm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.backend.pure.SimdExpectation;
import io.github.nn4j.backend.pure.simd.VectorMicroKernels;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIMD kernels pack a panel of a transposed {@code a} ({@code packTransposedPanel}) with whole vectors, which
 * may be longer than a step of the panel: for every shape, at this JVM's vector width, the packed panel equals the
 * plain copy of each step, at every depth up to several vectors and with the panel's source at the very end of its
 * array (where a whole vector would read past it), and nothing outside the panel is written.
 */
class TransposedPanelPackingTest {
    private static final float SENTINEL = -7.5f;

    @BeforeAll
    static void simd() {
        SimdExpectation.requireVectorModule();
    }

    static Iterable<KernelShape> shapes() {
        return KernelShape.SIMD;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void packsEveryStepAndNothingElse(KernelShape shape) {
        FloatMicroKernel floats = VectorMicroKernels.floatKernel(shape);
        DoubleMicroKernel doubles = VectorMicroKernels.doubleKernel(shape);
        int mr = floats.mr();
        for (int depth = 1; depth <= 40; depth++) {
            for (int extraColumns : new int[] {0, 1, 5, 17}) {
                int lda = mr + extraColumns;
                for (boolean atEnd : new boolean[] {false, true}) {
                    // a [depth + 2, lda]; the panel is columns col.. of rows 1..depth, or the last rows' last columns
                    int rows = depth + 2;
                    int col = extraColumns / 2;
                    int firstRow = atEnd ? rows - depth : 1;
                    int src = firstRow * lda + (atEnd ? lda - mr : col);
                    float[] a = new float[rows * lda];
                    double[] ad = new double[rows * lda];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = i + 1;
                        ad[i] = i + 1;
                    }
                    int off = 3;
                    float[] dst = new float[off + depth * mr + 64];
                    double[] dstD = new double[dst.length];
                    Arrays.fill(dst, SENTINEL);
                    Arrays.fill(dstD, SENTINEL);
                    floats.packTransposedPanel(a, src, lda, depth, dst, off);
                    doubles.packTransposedPanel(ad, src, lda, depth, dstD, off);
                    String what = shape + " depth " + depth + " lda " + lda + (atEnd ? " at the end" : "");
                    for (int i = 0; i < dst.length; i++) {
                        int q = i - off;
                        double expected = q >= 0 && q < depth * mr ? a[src + (q / mr) * lda + q % mr] : SENTINEL;
                        assertThat((double) dst[i]).as("FLOAT32 %s element %d", what, i).isEqualTo(expected);
                        assertThat(dstD[i]).as("FLOAT64 %s element %d", what, i).isEqualTo(expected);
                    }
                }
            }
        }
    }
}
