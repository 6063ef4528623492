package io.github.nn4j.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How {@link Network#predict} serves concurrent callers: replicas that share parameters, or one at a time. */
class InferenceReplicasTest {
    private final Backend be = new ReferenceBackend();

    private Dense dense(int in, int out, long seed) {
        return new Dense(be, DType.FLOAT64, in, out, WeightInit.XAVIER_UNIFORM, seed);
    }

    @Test
    void replicasSeeTrainingUpdatesAndDoNotFreeTheParameters() {
        try (Network net = Network.of(dense(3, 4, 1), new Tanh(), dense(4, 2, 2));
             Tensor x = be.randomUniform(DType.FLOAT64, Shape.matrix(5, 3), -1, 1, 3);
             Tensor y = be.randomUniform(DType.FLOAT64, Shape.matrix(5, 2), -1, 1, 4)) {
            double[] before;
            try (Tensor p = net.predict(x)) {
                before = p.toDoubleArray();
            }
            net.fit(x, y, new MeanSquaredError(), new Sgd(0.1), TrainingConfig.builder(3).build());
            double[] after;
            try (Tensor p = net.predict(x)) {
                after = p.toDoubleArray();
            }
            double[] fresh = net.forward(x, false).toDoubleArray(); // owned by the last layer: not closed here
            assertThat(after).isNotEqualTo(before).containsExactly(fresh);
            assertThat(net.parameters()).allSatisfy(p -> assertThat(p.value().isClosed()).isFalse());
        }
    }

    @Test
    void aReplicaOfDenseSharesItsWeightsAndClosesOnlyItsBuffers() {
        try (Dense d = dense(3, 2, 5); Tensor x = be.randomUniform(DType.FLOAT64, Shape.matrix(4, 3), -1, 1, 6)) {
            Layer replica = d.inferenceReplica().orElseThrow();
            double[] direct = d.forward(x, false).toDoubleArray();
            assertThat(replica.forward(x, false).toDoubleArray()).containsExactly(direct);
            replica.close();
            assertThat(d.weight().value().isClosed()).isFalse();
            assertThat(d.forward(x, false).toDoubleArray()).containsExactly(direct);
        }
    }

    @Test
    void concurrentCallsGrowThePoolToTheirNumberAndNoFurther() throws Exception {
        try (Network net = Network.of(dense(3, 4, 1), new Tanh());
             Tensor x = be.randomUniform(DType.FLOAT64, Shape.matrix(5, 3), -1, 1, 3)) {
            net.predict(x).close();
            net.predict(x).close();
            assertThat(net.inferenceReplicasForTests().sets()).isEqualTo(1);
        }
    }

    /** A layer without a replica, which counts how many threads are inside forward at once. */
    private static final class Exclusive implements Layer {
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicInteger mostInside = new AtomicInteger();
        private final Dense inner;

        Exclusive(Dense inner) {
            this.inner = inner;
        }

        @Override
        public Tensor forward(Tensor input, boolean training) {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
                return inner.forward(input, training);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
            return inner.backward(gradOutput, needInputGradient);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void aLayerWithoutReplicaIsRunByOneCallAtATimeAndStillRight() throws Exception {
        Exclusive exclusive = new Exclusive(dense(3, 4, 7));
        try (Network net = Network.of(exclusive, new Tanh());
             Tensor x = be.randomUniform(DType.FLOAT64, Shape.matrix(6, 3), -1, 1, 8)) {
            double[] expected;
            try (Tensor p = net.predict(x, 4)) {
                expected = p.toDoubleArray();
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<double[]>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try (Tensor p = net.predict(x, 4)) {
                            return p.toDoubleArray();
                        }
                    }));
                }
                start.countDown();
                for (Future<double[]> f : results) {
                    assertThat(f.get(1, TimeUnit.MINUTES)).containsExactly(expected);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(exclusive.mostInside.get()).isEqualTo(1);
        }
    }

    @Test
    void predictAfterCloseIsAnError() {
        Network net = Network.of(dense(3, 4, 1));
        try (Tensor x = be.randomUniform(DType.FLOAT64, Shape.matrix(2, 3), -1, 1, 3)) {
            net.close();
            assertThatThrownBy(() -> net.predict(x)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }
}
