package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pure backend's promise beyond the conformance suite (which checks its GEMM's accuracy, determinism and
 * concurrent callers on shapes that cross its blocks): the blocked GEMM gives the same bits on one thread as on two,
 * for the kernel set this JVM runs, because every output element is summed in the same order whichever tile and
 * thread computes it.
 */
class GemmThreadCountTest {

    @ParameterizedTest
    @EnumSource(DType.class)
    void oneAndTwoThreadsGiveBitIdenticalResults(DType dtype) {
        double[] parallel = product(KernelSets.selected(2), dtype, 256, 128, 784);
        double[] serial = product(KernelSets.selected(1), dtype, 256, 128, 784);
        assertThat(parallel).containsExactly(serial);
        // and the values are sane, not, say, all zero
        assertThat(Arrays.stream(parallel).filter(v -> !Double.isFinite(v)).count()).as("non-finite entries").isZero();
        assertThat(Arrays.stream(parallel).map(Math::abs).sum()).as("sum of |c|").isGreaterThan(1.0);
    }

    /** {@code a b} for fixed pseudo-random inputs. */
    private static double[] product(Backend backend, DType dtype, int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(42);
        try (Tensor a = backend.fromArray(dtype, randoms(random, m * k), Shape.matrix(m, k));
             Tensor b = backend.fromArray(dtype, randoms(random, k * n), Shape.matrix(k, n));
             Tensor c = a.matmul(b)) {
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
