package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.backend.pure.gemm.KernelShape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SIMD micro-kernel shape ({@link KernelShape#SIMD}; {@code nn4j.pure.gemmKernel} picks one), at this JVM's
 * vector width, through the backend: FLOAT64 products exact (inputs on a grid of 1/64, so double sums are exact),
 * FLOAT32 ones within the FLOAT32 tolerance of them (so shapes agree with each other within it), and one thread and
 * two bit-identical. The products cross the blocks of every shape: a row and a column past each tile, a band past
 * {@code mc}, a strip past {@code nc}, a block past {@code kc}, every transpose, beta 0 over garbage and beta 1, on
 * the parallel path too. The whole tensor conformance suite runs on every shape as well
 * ({@link PureKernelShapesConformanceTest}).
 */
class KernelShapesTest {
    private static final int[][] PRODUCTS = {
            {13, 29, 7}, {9, 33, 257}, {129, 20, 40}, {20, 513, 40}, {100, 110, 300}};

    @BeforeAll
    static void simd() {
        SimdExpectation.requireVectorModule();
    }

    static Iterable<KernelShape> shapes() {
        return KernelShape.SIMD;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void productsAreCorrectAndIndependentOfThreads(KernelShape shape) {
        Backend one = KernelSets.vector(1, shape);
        Backend two = KernelSets.vector(2, shape);
        assertThat(one.description()).contains("GEMM " + shape + " ");
        SplittableRandom random = new SplittableRandom(18);
        for (int[] p : PRODUCTS) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0;
                boolean tb = (t & 2) != 0;
                int m = p[0];
                int n = p[1];
                int k = p[2];
                double[] a = grid(random, m * k);
                double[] b = grid(random, k * n);
                double[] c0 = grid(random, m * n);
                double beta = t == 3 ? 1 : 0;
                double[] expected = reference(a, ta, b, tb, beta, c0, m, n, k);
                String what = shape + " " + m + "x" + n + "x" + k + (ta ? " aT" : "") + (tb ? " bT" : "");
                double[] d1 = product(one, DType.FLOAT64, a, ta, b, tb, beta, c0, m, n, k);
                assertThat(d1).as("FLOAT64 %s", what).containsExactly(expected);
                assertThat(product(two, DType.FLOAT64, a, ta, b, tb, beta, c0, m, n, k))
                        .as("FLOAT64 %s, 2 threads", what).containsExactly(d1);
                double[] f1 = product(one, DType.FLOAT32, a, ta, b, tb, beta, c0, m, n, k);
                assertThat(product(two, DType.FLOAT32, a, ta, b, tb, beta, c0, m, n, k))
                        .as("FLOAT32 %s, 2 threads", what).containsExactly(f1);
                // each term and the running sum round to float: at most k + 2 roundings of a sum below k in size
                double tolerance = (k + 2) * 0x1p-24 * (k + 1);
                for (int i = 0; i < f1.length; i++) {
                    assertThat(f1[i]).as("FLOAT32 %s element %d", what, i).isCloseTo(expected[i], within(tolerance));
                }
            }
        }
    }

    private static double[] product(Backend backend, DType dtype, double[] a, boolean ta, double[] b, boolean tb,
                                    double beta, double[] c0, int m, int n, int k) {
        try (Tensor at = backend.fromArray(dtype, a, ta ? Shape.matrix(k, m) : Shape.matrix(m, k));
             Tensor bt = backend.fromArray(dtype, b, tb ? Shape.matrix(n, k) : Shape.matrix(k, n));
             Tensor c = backend.fromArray(dtype, beta == 0 ? nans(m * n) : c0, Shape.matrix(m, n))) {
            backend.gemm(-0.75, at, ta, bt, tb, beta, c);
            return c.toDoubleArray();
        }
    }

    private static double[] reference(double[] a, boolean ta, double[] b, boolean tb, double beta, double[] c0,
                                      int m, int n, int k) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                }
                out[i * n + j] = -0.75 * s + beta * c0[i * n + j];
            }
        }
        return out;
    }

    private static double[] grid(SplittableRandom random, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextInt(-63, 64) / 64.0;
        }
        return out;
    }

    private static double[] nans(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }
}
