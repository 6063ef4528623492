package io.github.nn4j.api.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.gradcheck.GradientCheckResult;
import io.github.nn4j.api.gradcheck.GradientChecker;
import io.github.nn4j.api.layer.ActivationLayer;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The definition of a working backend, part 2: the standard layers and losses have correct gradients on it
 * (finite differences in FLOAT64, tolerance 1e-6), training on it follows the same trajectory as on the
 * naive {@link ReferenceBackend} (FLOAT64: relative 1e-9 after 200 steps; FLOAT32: the loss falls just as far),
 * and the same seed gives bit-identical weights.
 */
public abstract class ModelConformanceTest {

    /** The backend under test. */
    protected abstract Backend backend();

    private static final GradientChecker CHECKER = GradientChecker.standard();

    private Tensor uniform(DType dtype, Shape shape, double low, double high, long seed) {
        return backend().randomUniform(dtype, shape, low, high, seed);
    }

    private static void assertPassed(GradientCheckResult r) {
        assertThat(r.passed()).as(r.toString()).isTrue();
        assertThat(r.entries()).isNotEmpty();
    }

    // ------------------------------------------------------------------------------------ gradients

    @ParameterizedTest
    @EnumSource(WeightInit.class)
    void denseGradients(WeightInit init) {
        try (Dense dense = new Dense(backend(), DType.FLOAT64, 7, 5, init, 11);
             Tensor x = uniform(DType.FLOAT64, Shape.of(6, 7), -1, 1, 3)) {
            // a non-zero bias makes its gradient path count in the objective
            dense.bias().value().copyFrom(new double[] {0.1, -0.2, 0.3, 0.05, -0.4});
            GradientCheckResult r = CHECKER.checkLayer(dense, x);
            assertPassed(r);
            assertThat(r.entries()).extracting(GradientCheckResult.Entry::tensor)
                    .containsExactly("input", "dense[7x5].weight", "dense[7x5].bias");
        }
    }

    @Test
    void denseWithSingleSampleAndSingleOutput() {
        try (Dense dense = new Dense(backend(), DType.FLOAT64, 3, 1, WeightInit.XAVIER_NORMAL, 5);
             Tensor x = uniform(DType.FLOAT64, Shape.of(1, 3), -1, 1, 9)) {
            assertPassed(CHECKER.checkLayer(dense, x));
        }
    }

    @Test
    void activationGradients() {
        List<Supplier<ActivationLayer>> layers = List.of(ReLU::new, Sigmoid::new, Tanh::new);
        for (Supplier<ActivationLayer> make : layers) {
            try (ActivationLayer layer = make.get(); Tensor x = uniform(DType.FLOAT64, Shape.of(4, 9), 0.05, 3, 21)) {
                // flip the sign of every other element: inputs on both sides, none near ReLU's kink at 0
                double[] v = x.toDoubleArray();
                for (int i = 0; i < v.length; i += 2) {
                    v[i] = -v[i];
                }
                x.copyFrom(v);
                assertPassed(CHECKER.checkLayer(layer, x));
            }
        }
    }

    @Test
    void meanSquaredErrorGradientsInBothConventions() {
        try (Tensor p = uniform(DType.FLOAT64, Shape.of(5, 3), 0, 1, 1); Tensor y = uniform(DType.FLOAT64, Shape.of(5, 3), 0, 1, 2)) {
            assertPassed(CHECKER.checkLoss(new MeanSquaredError(), p, y));
            assertPassed(CHECKER.checkLoss(MeanSquaredError.perElement(), p, y));
            double[] pv = p.toDoubleArray();
            double[] yv = y.toDoubleArray();
            double sq = 0;
            for (int i = 0; i < pv.length; i++) {
                sq += (pv[i] - yv[i]) * (pv[i] - yv[i]);
            }
            assertThat(new MeanSquaredError().value(p, y)).isCloseTo(sq / 5, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(MeanSquaredError.perElement().value(p, y)).isCloseTo(sq / 15, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    // ------------------------------------------------------------------------------------ training

    /** A 6-16-16-3 tanh/relu/sigmoid regression problem whose targets come from a fixed teacher function. */
    private static Network student(Backend be, DType dtype) {
        return Network.of(new Dense(be, dtype, 6, 16, WeightInit.XAVIER_UNIFORM, 100), new Tanh(),
                new Dense(be, dtype, 16, 16, WeightInit.HE_NORMAL, 101), new ReLU(),
                new Dense(be, dtype, 16, 3, WeightInit.XAVIER_UNIFORM, 102), new Sigmoid());
    }

    private static Tensor[] data(Backend be, DType dtype) {
        int n = 300;
        Tensor x = be.randomUniform(dtype, Shape.of(n, 6), -1, 1, 77);
        double[] xv = x.toDoubleArray();
        double[] yv = new double[n * 3];
        for (int i = 0; i < n; i++) {
            double a = xv[i * 6];
            double b = xv[i * 6 + 1];
            double c = xv[i * 6 + 2] * xv[i * 6 + 3];
            yv[i * 3] = 0.5 + 0.4 * Math.sin(2 * a);
            yv[i * 3 + 1] = b > 0 ? 0.9 : 0.1;
            yv[i * 3 + 2] = 0.5 + 0.45 * c;
        }
        return new Tensor[] {x, be.fromArray(dtype, yv, Shape.of(n, 3))};
    }

    private static TrainingHistory train(Backend be, DType dtype, Optimizer opt, int epochs, double[][] finalWeights) {
        Tensor[] d = data(be, dtype);
        try (Network net = student(be, dtype); Tensor x = d[0]; Tensor y = d[1]; opt) {
            TrainingHistory h = net.fit(x, y, new MeanSquaredError(), opt,
                    TrainingConfig.builder(epochs).batchSize(32).seed(5).build());
            List<Parameter> ps = net.parameters();
            for (int i = 0; i < ps.size() && finalWeights != null; i++) {
                finalWeights[i] = ps.get(i).value().toDoubleArray();
            }
            return h;
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void trainingWithSgdLowersTheLossAndFollowsTheReference(DType dtype) {
        TrainingHistory mine = train(backend(), dtype, new Sgd(0.1), 20, null);
        TrainingHistory ref = train(new ReferenceBackend(), dtype, new Sgd(0.1), 20, null);
        double[] a = mine.losses();
        double[] b = ref.losses();
        assertThat(a[a.length - 1]).as("final loss vs first epoch").isLessThan(a[0] * 0.6);
        for (int i = 0; i < a.length; i++) {
            double tol = dtype == DType.FLOAT64 ? 1e-9 : 1e-3;
            assertThat(Math.abs(a[i] - b[i])).as("epoch %d loss %s vs reference %s", i + 1, a[i], b[i])
                    .isLessThanOrEqualTo(tol * Math.max(1, Math.abs(b[i])));
        }
    }

    @Test
    void trainingWithAdamAndMomentumFollowsTheReference() {
        for (Supplier<Optimizer> make : List.<Supplier<Optimizer>>of(() -> new Adam(0.01), () -> new Sgd(0.05, 0.9))) {
            double[] a = train(backend(), DType.FLOAT64, make.get(), 5, null).losses();
            double[] b = train(new ReferenceBackend(), DType.FLOAT64, make.get(), 5, null).losses();
            assertThat(a[4]).isLessThan(a[0]);
            for (int i = 0; i < a.length; i++) {
                assertThat(Math.abs(a[i] - b[i])).as("epoch %d: %s vs reference %s", i + 1, a[i], b[i])
                        .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(b[i])));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sameSeedGivesBitIdenticalWeights(DType dtype) {
        double[][] first = new double[6][];
        double[][] second = new double[6][];
        train(backend(), dtype, new Sgd(0.1), 3, first);
        train(backend(), dtype, new Sgd(0.1), 3, second);
        for (int i = 0; i < first.length; i++) {
            assertThat(second[i]).as("parameter %d", i).containsExactly(first[i]);
        }
    }

    @Test
    void initialWeightsAreTheSameOnEveryBackend() {
        try (Dense mine = new Dense(backend(), 784, 128, 42);
             Dense ref = new Dense(new ReferenceBackend(), DType.FLOAT32, 784, 128, WeightInit.XAVIER_UNIFORM, 42)) {
            assertThat(mine.weight().value().toFloatArray()).containsExactly(ref.weight().value().toFloatArray());
        }
    }

    @Test
    void networkSolvesXor() {
        Backend be = backend();
        try (Tensor x = be.fromMatrix(DType.FLOAT32, new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
             Tensor y = be.fromMatrix(DType.FLOAT32, new double[][] {{0}, {1}, {1}, {0}});
             Network net = Network.of(new Dense(be, 2, 4, 1), new Tanh(), new Dense(be, 4, 1, 2), new Sigmoid())) {
            TrainingHistory h = net.fit(x, y, new MeanSquaredError(), new Sgd(0.5), TrainingConfig.builder(5000).build());
            assertThat(h.finalLoss()).isLessThan(0.05);
            try (Tensor p = net.predict(x)) {
                float[] v = p.toFloatArray();
                assertThat(new int[] {v[0] > 0.5 ? 1 : 0, v[1] > 0.5 ? 1 : 0, v[2] > 0.5 ? 1 : 0, v[3] > 0.5 ? 1 : 0})
                        .containsExactly(0, 1, 1, 0);
            }
        }
    }

    @Test
    void predictInBatchesEqualsOneForwardPass() {
        Backend be = backend();
        try (Network net = student(be, DType.FLOAT64); Tensor x = be.randomUniform(DType.FLOAT64, Shape.of(103, 6), -1, 1, 8)) {
            double[] whole = net.forward(x, false).toDoubleArray();
            try (Tensor batched = net.predict(x, 10)) {
                assertThat(batched.shape()).isEqualTo(Shape.of(103, 3));
                double[] b = batched.toDoubleArray();
                for (int i = 0; i < b.length; i++) {
                    assertThat(b[i]).isCloseTo(whole[i], org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        }
    }

    @Test
    void layersWithoutParametersReportNone() {
        Layer relu = new ReLU();
        assertThat(relu.parameters()).isEmpty();
    }
}
