package io.github.nn4j.api.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The definition of a working backend, part 4: one {@link Network} serves {@link Network#predict} to many threads
 * at once, and every concurrent answer is bit-identical to the sequential one. This needs the backend's kernels to
 * be safe for concurrent calls on distinct outputs, as the {@link Backend} contract says.
 */
public abstract class ConcurrentInferenceConformanceTest {
    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 12;
    /** Rows per predict batch; the input has several batches and a short last one. */
    private static final int BATCH = 64;

    /** The backend under test. */
    protected abstract Backend backend();

    @ParameterizedTest
    @EnumSource(DType.class)
    void concurrentPredictionsEqualTheSequentialOnes(DType dtype) throws Exception {
        Backend be = backend();
        try (Network net = Network.of(
                new Dense(be, dtype, 48, 96, WeightInit.XAVIER_UNIFORM, 1), new ReLU(),
                new Dense(be, dtype, 96, 32, WeightInit.XAVIER_UNIFORM, 2), new Tanh(),
                new Dense(be, dtype, 32, 48, WeightInit.XAVIER_UNIFORM, 3), new Sigmoid());
             Tensor x = be.randomUniform(dtype, Shape.matrix(3 * BATCH + 17, 48), -2, 2, 4)) {
            double[] expected;
            try (Tensor p = net.predict(x, BATCH)) {
                expected = p.toDoubleArray();
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Callable<Integer> task = () -> {
                        start.await();
                        int differing = 0;
                        for (int c = 0; c < CALLS_PER_THREAD; c++) {
                            try (Tensor p = net.predict(x, BATCH)) {
                                double[] got = p.toDoubleArray();
                                for (int i = 0; i < got.length; i++) {
                                    if (Double.doubleToLongBits(got[i]) != Double.doubleToLongBits(expected[i])) {
                                        differing++;
                                    }
                                }
                            }
                        }
                        return differing;
                    };
                    results.add(pool.submit(task));
                }
                start.countDown();
                int differing = 0;
                for (Future<Integer> f : results) {
                    differing += f.get(2, TimeUnit.MINUTES);
                }
                assertThat(differing).as("elements that differ from the sequential prediction, over "
                        + THREADS * CALLS_PER_THREAD + " concurrent calls").isZero();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
