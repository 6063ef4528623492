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
        // {m, n, k}: a tall product (two threads cut it into row bands) and a short, wide one (narrower strips)
        for (int[] mnk : new int[][] {{256, 128, 784}, {64, 128, 784}}) {
            String shape = mnk[0] + "x" + mnk[1] + "x" + mnk[2];
            double[] parallel = product(KernelSets.selected(2), dtype, mnk[0], mnk[1], mnk[2]);
            double[] serial = product(KernelSets.selected(1), dtype, mnk[0], mnk[1], mnk[2]);
            assertThat(parallel).as(shape).containsExactly(serial);
            // and the values are sane, not, say, all zero
            assertThat(Arrays.stream(parallel).filter(v -> !Double.isFinite(v)).count()).as("non-finite in " + shape)
                    .isZero();
            assertThat(Arrays.stream(parallel).map(Math::abs).sum()).as("sum of |c| in " + shape).isGreaterThan(1.0);
        }
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
