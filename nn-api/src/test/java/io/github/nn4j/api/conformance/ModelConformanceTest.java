package io.github.nn4j.api.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.gradcheck.GradientCheckResult;
import io.github.nn4j.api.gradcheck.GradientChecker;
import io.github.nn4j.api.layer.ActivationLayer;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Dropout;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.LeakyReLU;
import io.github.nn4j.api.layer.Normalization;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Softmax;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.loss.SigmoidCrossEntropy;
import io.github.nn4j.api.loss.SoftmaxCrossEntropy;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.network.TrainingListener;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.optim.LearningRateSchedule;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The definition of a working backend, part 2: the standard layers and losses have correct gradients on it
 * (finite differences: FLOAT64 through the public {@link GradientChecker}, tolerance 1e-6; FLOAT32 with the derived
 * tolerance of {@link Float32GradientCheck}); every step of training on it, in both dtypes and with each optimizer,
 * is within the derived bound of the independent {@link ReferenceNetwork}; training lowers the loss and solves XOR;
 * the same seed gives bit-identical weights.
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

    // ------------------------------------------------------------------------------------ gradients, FLOAT64

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
    void leakyReluGradients() {
        double[] v = new double[36];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 3 == 0 ? -1 : 1) * (0.05 + 0.08 * i); // both sides of the kink at 0, none near it
        }
        for (double alpha : new double[] {LeakyReLU.DEFAULT_ALPHA, 0.3, -0.5}) {
            try (LeakyReLU layer = new LeakyReLU(alpha); Tensor x = backend().fromArray(v, Shape.of(4, 9))) {
                assertPassed(CHECKER.checkLayer(layer, x));
            }
        }
    }

    @Test
    void softmaxCrossEntropyGradientsWithLabelsOneHotAndSoftTargets() {
        try (Tensor z = uniform(DType.FLOAT64, Shape.of(6, 4), -3, 3, 31);
             Tensor labels = backend().fromMatrix(DType.FLOAT64, new double[][] {{0}, {3}, {1}, {2}, {2}, {0}});
             Tensor oneHot = backend().fromMatrix(DType.FLOAT64, new double[][] {
                 {1, 0, 0, 0}, {0, 0, 0, 1}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 1, 0}, {1, 0, 0, 0}});
             Tensor soft = uniform(DType.FLOAT64, Shape.of(6, 4), 0, 1, 32)) {
            SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
            assertPassed(CHECKER.checkLoss(loss, z, labels));
            assertPassed(CHECKER.checkLoss(loss, z, oneHot));
            assertPassed(CHECKER.checkLoss(loss, z, soft));
            assertThat(loss.value(z, labels)).as("labels and their one-hot rows give one loss")
                    .isCloseTo(loss.value(z, oneHot), org.assertj.core.data.Offset.offset(1e-15));
        }
    }

    @Test
    void sigmoidCrossEntropyGradients() {
        try (Tensor z = uniform(DType.FLOAT64, Shape.of(5, 3), -4, 4, 33); Tensor t = uniform(DType.FLOAT64, Shape.of(5, 3), 0, 1, 34)) {
            assertPassed(CHECKER.checkLoss(new SigmoidCrossEntropy(), z, t));
        }
    }

    @Test
    void softmaxLayerGradients() {
        try (Softmax layer = new Softmax(); Tensor x = uniform(DType.FLOAT64, Shape.of(4, 7), -3, 3, 35)) {
            assertPassed(CHECKER.checkLayer(layer, x));
        }
    }

    @Test
    void normalizationGradients() {
        try (Normalization layer = new Normalization(0.13, 0.31);
             Tensor x = uniform(DType.FLOAT64, Shape.of(3, 5), 0, 1, 38)) {
            assertPassed(CHECKER.checkLayer(layer, x));
            double[] xv = x.toDoubleArray();
            double[] y = layer.forward(x, false).toDoubleArray();
            for (int i = 0; i < y.length; i++) {
                assertThat(y[i]).isEqualTo((xv[i] - 0.13) / 0.31); // two correctly rounded operations, as in double
            }
        }
    }

    @Test
    void dropoutGradientsAreTheStepsMask() {
        try (Dropout layer = new Dropout(0.3, 9); Tensor x = uniform(DType.FLOAT64, Shape.of(6, 8), -1, 1, 36)) {
            layer.beginTrainingStep(17);
            assertPassed(CHECKER.checkLayer(layer, x));
            double[] y = layer.forward(x, true).toDoubleArray();
            double[] xv = x.toDoubleArray();
            int dropped = 0;
            for (int i = 0; i < y.length; i++) {
                boolean keeps = ReferenceMath.dropoutKeeps(9, 17, i, 0.3);
                assertThat(y[i]).as("element %d", i).isEqualTo(keeps ? xv[i] * (1 / 0.7) : 0);
                dropped += keeps ? 0 : 1;
            }
            assertThat(dropped).isPositive().isLessThan(y.length);
            assertThat(layer.forward(x, false)).as("inference: the input itself").isSameAs(x);
            try (Tensor g = uniform(DType.FLOAT64, Shape.of(6, 8), -1, 1, 37)) {
                assertThat(layer.backward(g, true)).as("after inference, the gradient passes").isSameAs(g);
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
            double[] d = new double[pv.length];
            for (int i = 0; i < pv.length; i++) {
                d[i] = pv[i] - yv[i];
            }
            double sq = ReferenceMath.sumOfSquares(d);
            assertThat(new MeanSquaredError().value(p, y)).isCloseTo(sq / 5, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(MeanSquaredError.perElement().value(p, y)).isCloseTo(sq / 15, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    // ------------------------------------------------------------------------------------ gradients, FLOAT32

    @Test
    void float32DenseGradientsMatchCentralDifferences() {
        Float32GradientCheck check = new Float32GradientCheck(backend());
        check.dense(6, 7, 5);
        check.dense(1, 3, 1);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"RELU", "SIGMOID", "TANH"})
    void float32ActivationGradientsMatchCentralDifferences(Activation f) {
        new Float32GradientCheck(backend()).activation(f);
    }

    @Test
    void float32ClassificationGradientsMatchCentralDifferences() {
        Float32GradientCheck check = new Float32GradientCheck(backend());
        check.softmaxCrossEntropy(5, 4);
        check.sigmoidCrossEntropy();
        check.softmax(3, 6);
        check.dropout();
    }

    @Test
    void float32SquaredErrorGradientsMatchCentralDifferences() {
        Float32GradientCheck check = new Float32GradientCheck(backend());
        check.squaredError(new MeanSquaredError(), false);
        check.squaredError(MeanSquaredError.perElement(), true);
    }

    // ------------------------------------------------------------------------------------ training

    private static final List<ReferenceNetwork.Layer> STUDENT = List.of(
            new ReferenceNetwork.Dense(6, 16), new ReferenceNetwork.ActivationLayer(Activation.TANH),
            new ReferenceNetwork.Dense(16, 16), new ReferenceNetwork.ActivationLayer(Activation.RELU),
            new ReferenceNetwork.Dense(16, 3), new ReferenceNetwork.ActivationLayer(Activation.SIGMOID));
    private static final int SAMPLES = 300;
    private static final int BATCH = 32;

    /** A 6-16-16-3 tanh/relu/sigmoid regression network ({@link #STUDENT}). */
    private static Network student(Backend be, DType dtype) {
        return Network.of(new Dense(be, dtype, 6, 16, WeightInit.XAVIER_UNIFORM, 100), new Tanh(),
                new Dense(be, dtype, 16, 16, WeightInit.HE_NORMAL, 101), new ReLU(),
                new Dense(be, dtype, 16, 3, WeightInit.XAVIER_UNIFORM, 102), new Sigmoid());
    }

    /** Inputs in [-1, 1) and targets from a fixed teacher function. */
    private static Tensor[] data(Backend be, DType dtype) {
        Tensor x = be.randomUniform(dtype, Shape.of(SAMPLES, 6), -1, 1, 77);
        double[] xv = x.toDoubleArray();
        double[] yv = new double[SAMPLES * 3];
        for (int i = 0; i < SAMPLES; i++) {
            double a = xv[i * 6];
            double b = xv[i * 6 + 1];
            double c = xv[i * 6 + 2] * xv[i * 6 + 3];
            yv[i * 3] = 0.5 + 0.4 * Math.sin(2 * a);
            yv[i * 3 + 1] = b > 0 ? 0.9 : 0.1;
            yv[i * 3 + 2] = 0.5 + 0.45 * c;
        }
        return new Tensor[] {x, be.fromArray(dtype, yv, Shape.of(SAMPLES, 3))};
    }

    /** The optimizers trained with, each beside its reference, and the loss convention used with it. */
    enum Training {
        SGD(() -> new Sgd(0.1), () -> ReferenceOptimizer.sgd(0.1), false),
        MOMENTUM(() -> new Sgd(0.05, 0.9), () -> ReferenceOptimizer.momentum(0.05, 0.9), true),
        ADAM(() -> new Adam(0.01), () -> ReferenceOptimizer.adam(0.01, 0.9, 0.999, 1e-8), false),
        /** L2 penalty; the rate halves every 7 steps; clipped at a norm that about half of the steps exceed. */
        SGD_DECAY_STEP_SCHEDULE_CLIPPED(
                () -> Sgd.builder(0.1).weightDecay(0.01).schedule(LearningRateSchedule.step(7, 0.5)).clipNorm(0.15)
                        .build(),
                () -> ReferenceOptimizer.sgd(0.1).weightDecay(0.01).schedule(t -> Math.pow(0.5, Math.floor(t / 7.0)))
                        .clipNorm(0.15), false),
        /** Penalty in the velocity; cosine from 1 to 0.1 over the 20 steps. */
        MOMENTUM_DECAY_COSINE(
                () -> Sgd.builder(0.05).momentum(0.9).weightDecay(0.001).schedule(LearningRateSchedule.cosine(20, 0.1))
                        .build(),
                () -> ReferenceOptimizer.momentum(0.05, 0.9).weightDecay(0.001).schedule(ReferenceSchedules.cosine(20, 0.1)),
                true),
        /** Decoupled decay; cosine to 0 at step 15 (the last five steps update nothing but the moments); clipped. */
        ADAMW_COSINE_CLIPPED(
                () -> Adam.builder(0.01).weightDecay(0.05).schedule(LearningRateSchedule.cosine(15)).clipNorm(0.15)
                        .build(),
                () -> ReferenceOptimizer.adam(0.01, 0.9, 0.999, 1e-8).weightDecay(0.05)
                        .schedule(ReferenceSchedules.cosine(15, 0)).clipNorm(0.15), false);

        final Supplier<Optimizer> optimizer;
        final Supplier<ReferenceOptimizer> reference;
        final boolean perElementLoss;

        Training(Supplier<Optimizer> optimizer, Supplier<ReferenceOptimizer> reference, boolean perElementLoss) {
            this.optimizer = optimizer;
            this.reference = reference;
            this.perElementLoss = perElementLoss;
        }
    }

    /** What the backend held at the end of one batch: the batch loss, every parameter's gradient and value. */
    private record StepRecord(double loss, List<double[]> gradients, List<double[]> values) {
    }

    /**
     * Every step of two epochs of mini-batch training ({@link Network#fit}, batches of 32 in order, the last one of
     * 12) against the reference: from the parameters the backend held before the step, the reference computes the
     * batch loss, each parameter's gradient and its updated value with their bounds, and the backend's must lie
     * within. In FLOAT32 the bounds are about 1e-6 of a bias gradient, so one of the 32 rows lost from it (1/32 of the
     * gradient) is far outside.
     */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.MethodSource("trainingCases")
    void everyTrainingStepIsWithinTheReferenceBound(DType dtype, Training training) {
        Backend be = backend();
        Tensor[] d = data(be, dtype);
        List<StepRecord> steps = new ArrayList<>();
        List<double[]> initial = new ArrayList<>();
        MeanSquaredError loss = training.perElementLoss ? MeanSquaredError.perElement() : new MeanSquaredError();
        try (Network net = student(be, dtype); Tensor x = d[0]; Tensor y = d[1]; Optimizer opt = training.optimizer.get()) {
            for (Parameter p : net.parameters()) {
                initial.add(p.value().toDoubleArray());
            }
            TrainingListener recorder = new TrainingListener() {
                @Override
                public void onBatchEnd(int epoch, int batch, int batches, double batchLoss) {
                    List<double[]> gradients = new ArrayList<>();
                    List<double[]> values = new ArrayList<>();
                    for (Parameter p : net.parameters()) {
                        gradients.add(p.gradient().toDoubleArray());
                        values.add(p.value().toDoubleArray());
                    }
                    steps.add(new StepRecord(batchLoss, gradients, values));
                }
            };
            net.fit(x, y, loss, opt, TrainingConfig.builder(2).batchSize(BATCH).shuffle(false).listener(recorder).build());
            double[] xv = x.toDoubleArray();
            double[] yv = y.toDoubleArray();
            assertThat(steps).hasSize(2 * ((SAMPLES + BATCH - 1) / BATCH));

            ReferenceNetwork reference = new ReferenceNetwork(Tolerance.of(dtype), STUDENT, training.perElementLoss);
            ReferenceOptimizer referenceOptimizer = training.reference.get();
            List<double[]> before = initial;
            for (int s = 0; s < steps.size(); s++) {
                int batchesPerEpoch = (SAMPLES + BATCH - 1) / BATCH;
                int from = (s % batchesPerEpoch) * BATCH;
                int rows = Math.min(BATCH, SAMPLES - from);
                double[] bx = Arrays.copyOfRange(xv, from * 6, (from + rows) * 6);
                double[] by = Arrays.copyOfRange(yv, from * 3, (from + rows) * 3);
                ReferenceNetwork.Step expected = reference.step(before, bx, by, rows, referenceOptimizer);
                StepRecord got = steps.get(s);
                String where = dtype + " " + training + " step " + (s + 1) + " (batch of " + rows + ")";
                if (!Tolerance.within(got.loss(), expected.loss(), expected.lossBound())) {
                    fail(where + ": loss " + got.loss() + ", reference " + expected.loss() + " within "
                            + expected.lossBound());
                }
                for (int p = 0; p < before.size(); p++) {
                    String name = net.parameters().get(p).name();
                    assertWithin(where + " gradient of " + name, got.gradients().get(p), expected.gradients().get(p));
                    assertWithin(where + " updated " + name, got.values().get(p), expected.updated().get(p));
                }
                before = got.values();
            }
        }
    }

    static List<org.junit.jupiter.params.provider.Arguments> trainingCases() {
        List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
        for (DType dtype : DType.values()) {
            for (Training t : Training.values()) {
                out.add(org.junit.jupiter.params.provider.Arguments.of(dtype, t));
            }
        }
        return out;
    }

    private static void assertWithin(String what, double[] actual, Bounded expected) {
        assertThat(actual).as(what + ": length").hasSize(expected.size());
        for (int i = 0; i < actual.length; i++) {
            if (!Tolerance.within(actual[i], expected.v()[i], expected.e()[i])) {
                fail(what + ", element " + i + ": " + actual[i] + ", reference " + expected.v()[i] + " within "
                        + expected.e()[i] + " (off by " + Math.abs(actual[i] - expected.v()[i]) + ")");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void trainingLowersTheLoss(DType dtype) {
        Tensor[] d = data(backend(), dtype);
        try (Network net = student(backend(), dtype); Tensor x = d[0]; Tensor y = d[1]; Sgd sgd = new Sgd(0.1)) {
            double[] losses = net.fit(x, y, new MeanSquaredError(), sgd,
                    TrainingConfig.builder(20).batchSize(BATCH).seed(5).build()).losses();
            assertThat(losses[losses.length - 1]).as("final loss vs first epoch").isLessThan(losses[0] * 0.6);
        }
    }

    private double[][] trainedWeights(DType dtype, int epochs) {
        Tensor[] d = data(backend(), dtype);
        try (Network net = student(backend(), dtype); Tensor x = d[0]; Tensor y = d[1]; Sgd sgd = new Sgd(0.1)) {
            net.fit(x, y, new MeanSquaredError(), sgd, TrainingConfig.builder(epochs).batchSize(BATCH).seed(5).build());
            return net.parameters().stream().map(p -> p.value().toDoubleArray()).toArray(double[][]::new);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sameSeedGivesBitIdenticalWeights(DType dtype) {
        double[][] first = trainedWeights(dtype, 3);
        double[][] second = trainedWeights(dtype, 3);
        assertThat(first.length).isEqualTo(6);
        for (int i = 0; i < first.length; i++) {
            assertThat(second[i]).as("parameter %d", i).containsExactly(first[i]);
        }
    }

    /** A 6-16-16-3 classifier with dropout, trained on the teacher's labels (the largest of its three targets). */
    private static Network classifier(Backend be, DType dtype) {
        return Network.of(new Dense(be, dtype, 6, 16, WeightInit.HE_UNIFORM, 110), new ReLU(), new Dropout(0.25, 111),
                new Dense(be, dtype, 16, 16, WeightInit.HE_UNIFORM, 112), new ReLU(), new Dropout(0.25, 113),
                new Dense(be, dtype, 16, 3, WeightInit.XAVIER_UNIFORM, 114));
    }

    /** The teacher's targets as class labels {@code [n, 1]}: the index of the largest. */
    private static Tensor labels(Backend be, DType dtype, Tensor targets) {
        double[] t = targets.toDoubleArray();
        double[] labels = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            int best = 0;
            for (int j = 1; j < 3; j++) {
                best = t[i * 3 + j] > t[i * 3 + best] ? j : best;
            }
            labels[i] = best;
        }
        return be.fromArray(dtype, labels, Shape.of(SAMPLES, 1));
    }

    private double[][] trainedClassifier(DType dtype) {
        Tensor[] d = data(backend(), dtype);
        try (Network net = classifier(backend(), dtype); Tensor x = d[0]; Tensor y = d[1]; Tensor labels = labels(backend(), dtype, y);
             Adam adam = Adam.builder(0.01).weightDecay(0.01).schedule(LearningRateSchedule.cosine(30)).build()) {
            double[] losses = net.fit(x, labels, new SoftmaxCrossEntropy(), adam,
                    TrainingConfig.builder(3).batchSize(BATCH).seed(5).build()).losses();
            assertThat(losses[2]).as("the classifier learns").isLessThan(losses[0]);
            return net.parameters().stream().map(p -> p.value().toDoubleArray()).toArray(double[][]::new);
        }
    }

    /** Dropout masks, labels and the fused loss in training: the same seed gives the same weights, bit for bit. */
    @ParameterizedTest
    @EnumSource(DType.class)
    void aClassifierWithDropoutTrainsBitIdenticallyTwice(DType dtype) {
        double[][] first = trainedClassifier(dtype);
        double[][] second = trainedClassifier(dtype);
        assertThat(first.length).isEqualTo(6);
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
