package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The blocked GEMM of every kernel set against a double-precision triple loop, on sizes that hit the
 * direct path, the edges of the micro-kernel and of the cache blocks, and the parallel path; for all four
 * transpose combinations, general alpha/beta and both dtypes. Also determinism across runs and thread
 * counts, and concurrent callers.
 */
class GemmTest {

    /** m, n, k triples: degenerate vectors, XOR-sized, primes, and sizes one past the block boundaries. */
    private static final int[][] SIZES = {
        {1, 1, 1}, {4, 2, 3}, {1, 300, 70}, {300, 1, 70}, {70, 300, 1}, {1, 1, 600},
        {67, 131, 97}, {5, 33, 17}, {17, 65, 257}, {65, 257, 129}, {97, 49, 300}, {129, 530, 261},
    };

    private static final double[][] ALPHA_BETA = {{1, 0}, {0.75, 1}, {-1.5, 0.5}};

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (PureBackend backend : KernelSets.all()) {
            for (DType dtype : DType.values()) {
                for (int[] size : SIZES) {
                    out.add(Arguments.of(KernelSets.named(backend), dtype, size[0], size[1], size[2]));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} m={2} n={3} k={4}")
    @MethodSource("cases")
    void matchesReference(PureBackend backend, DType dtype, int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(31L * m + 7L * n + k);
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                double[] a = randoms(random, m * k);
                double[] b = randoms(random, k * n);
                double[] c0 = randoms(random, m * n);
                for (double[] ab : ALPHA_BETA) {
                    check(backend, dtype, m, n, k, transA, transB, ab[0], ab[1], a, b, c0);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} m={2} n={3} k={4}")
    @MethodSource("cases")
    void betaZeroIgnoresNaNInOutput(PureBackend backend, DType dtype, int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(5);
        double[] a = randoms(random, m * k);
        double[] b = randoms(random, k * n);
        double[] nan = new double[m * n];
        Arrays.fill(nan, Double.NaN);
        check(backend, dtype, m, n, k, false, true, 2.0, 0.0, a, b, nan);
    }

    private static void check(PureBackend backend, DType dtype, int m, int n, int k, boolean transA,
                              boolean transB, double alpha, double beta, double[] a, double[] b, double[] c0) {
        Shape aShape = transA ? Shape.matrix(k, m) : Shape.matrix(m, k);
        Shape bShape = transB ? Shape.matrix(n, k) : Shape.matrix(k, n);
        try (Tensor ta = backend.fromArray(dtype, a, aShape);
             Tensor tb = backend.fromArray(dtype, b, bShape);
             Tensor tc = backend.fromArray(dtype, c0, Shape.matrix(m, n))) {
            // The reference works on the values as stored in the dtype.
            double[] as = ta.toDoubleArray();
            double[] bs = tb.toDoubleArray();
            double[] cs = tc.toDoubleArray();
            backend.gemm(alpha, ta, transA, tb, transB, beta, tc);
            double[] got = tc.toDoubleArray();
            double eps = dtype == DType.FLOAT32 ? 0x1p-23 : 0x1p-52;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    double absDot = 0;
                    for (int p = 0; p < k; p++) {
                        double x = transA ? as[p * m + i] : as[i * k + p];
                        double y = transB ? bs[j * k + p] : bs[p * n + j];
                        dot += x * y;
                        absDot += Math.abs(x * y);
                    }
                    double old = beta == 0 ? 0 : beta * cs[i * n + j];
                    double expected = alpha * dot + old;
                    double tolerance = (k + 3) * eps * (Math.abs(alpha) * absDot + Math.abs(old)) + Double.MIN_NORMAL;
                    double actual = got[i * n + j];
                    if (!(Math.abs(actual - expected) <= tolerance)) {
                        throw new AssertionError(String.format(
                                "%s %s gemm m=%d n=%d k=%d transA=%b transB=%b alpha=%s beta=%s: c[%d,%d] = %s,"
                                        + " expected %s +- %s", backend.description(), dtype, m, n, k, transA,
                                transB, alpha, beta, i, j, actual, expected, tolerance));
                    }
                }
            }
        }
    }

    static Stream<Arguments> backendsAndDtypes() {
        List<Arguments> out = new ArrayList<>();
        for (PureBackend backend : KernelSets.all()) {
            for (DType dtype : DType.values()) {
                out.add(Arguments.of(KernelSets.named(backend), dtype));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void repeatedRunsAreBitIdentical(PureBackend backend, DType dtype) {
        double[] first = product(backend, dtype, 311, 203, 517, true, false);
        double[] second = product(backend, dtype, 311, 203, 517, true, false);
        assertThat(second).containsExactly(first);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void oneAndTwoThreadsGiveBitIdenticalResults(PureBackend twoThreads, DType dtype) {
        PureBackend oneThread = twoThreads.description().contains("scalar")
                ? KernelSets.scalar(1) : KernelSets.vector(1);
        double[] parallel = product(twoThreads, dtype, 256, 128, 784, false, false);
        double[] serial = product(oneThread, dtype, 256, 128, 784, false, false);
        assertThat(parallel).containsExactly(serial);
        // and the values are sane, not, say, all zero
        assertThat(Arrays.stream(parallel).filter(v -> !Double.isFinite(v)).count()).as("non-finite entries").isZero();
        assertThat(Arrays.stream(parallel).map(Math::abs).sum()).as("sum of |c|").isGreaterThan(1.0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void concurrentCallersGetCorrectResults(PureBackend backend, DType dtype) throws Exception {
        double[] expected = product(backend, dtype, 200, 150, 300, false, true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                futures.add(pool.submit(() -> product(backend, dtype, 200, 150, 300, false, true)));
            }
            for (Future<double[]> f : futures) {
                assertThat(f.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code op(a) op(b)} for fixed pseudo-random inputs. */
    private static double[] product(Backend backend, DType dtype, int m, int n, int k, boolean transA,
                                    boolean transB) {
        SplittableRandom random = new SplittableRandom(42);
        Shape aShape = transA ? Shape.matrix(k, m) : Shape.matrix(m, k);
        Shape bShape = transB ? Shape.matrix(n, k) : Shape.matrix(k, n);
        try (Tensor a = backend.fromArray(dtype, randoms(random, m * k), aShape);
             Tensor b = backend.fromArray(dtype, randoms(random, k * n), bShape);
             Tensor c = a.matmul(b, transA, transB)) {
            return c.toDoubleArray();
        }
    }

    private static double[] randoms(SplittableRandom random, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextDouble(-1, 1);
        }
        return out;
    }
}
