package io.github.nn4j.api.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Dropout;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.loss.SoftmaxCrossEntropy;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.optim.LearningRateSchedule;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.persist.Checkpoint;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.testsupport.IndependentSafetensorsReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The definition of a working backend, part 3: model files. A network saved on this backend loads back bit for bit;
 * its file is plain safetensors (an independent reader finds the backend's exact values) and byte-identical to the
 * file the naive {@link ReferenceBackend} writes for the same weights; a model saved here loads on the reference
 * backend and one saved there loads here, predicting the same within twice the bound of the forward pass that
 * {@link ReferenceNetwork} derives (each backend is within it of the exact outputs); and training resumed from a checkpoint equals uninterrupted training bit for bit, for SGD
 * with momentum and Adam, also with weight decay, a learning-rate schedule and gradient clipping, in both dtypes. Through the reference backend every backend's files load on every other.
 */
public abstract class PersistenceConformanceTest {

    /** The backend under test. */
    protected abstract Backend backend();

    /** {@link #network}'s layers, for the reference's bound of its outputs. */
    private static final List<ReferenceNetwork.Layer> LAYERS = List.of(
            new ReferenceNetwork.Dense(6, 16), new ReferenceNetwork.ActivationLayer(Activation.TANH),
            new ReferenceNetwork.Dense(16, 16), new ReferenceNetwork.ActivationLayer(Activation.RELU),
            new ReferenceNetwork.Dense(16, 3), new ReferenceNetwork.ActivationLayer(Activation.SIGMOID));

    /** A 6-16-16-3 network using Dense, Tanh, ReLU and Sigmoid. */
    private static Network network(Backend be, DType dtype) {
        return Network.of(new Dense(be, dtype, 6, 16, WeightInit.XAVIER_UNIFORM, 200), new Tanh(),
                new Dense(be, dtype, 16, 16, WeightInit.HE_NORMAL, 201), new ReLU(),
                new Dense(be, dtype, 16, 3, WeightInit.XAVIER_UNIFORM, 202), new Sigmoid());
    }

    private static Tensor inputs(Backend be, DType dtype) {
        return be.randomUniform(dtype, Shape.of(60, 6), -1, 1, 31);
    }

    private static Tensor targets(Backend be, DType dtype) {
        return be.randomUniform(dtype, Shape.of(60, 3), 0.1, 0.9, 32);
    }

    private static List<double[]> weights(Network net) {
        List<double[]> out = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            out.add(p.value().toDoubleArray());
        }
        return out;
    }

    /** A network trained for two epochs on {@code be}, as a model file. */
    private static byte[] trained(Backend be, DType dtype) {
        try (Network net = network(be, dtype); Tensor x = inputs(be, dtype); Tensor y = targets(be, dtype);
             Sgd sgd = new Sgd(0.2)) {
            net.fit(x, y, new MeanSquaredError(), sgd, TrainingConfig.builder(2).batchSize(16).seed(3).build());
            return ModelFiles.toBytes(net);
        }
    }

    private static double[] predictions(Backend be, DType dtype, byte[] model) throws Exception {
        try (Network net = ModelFiles.fromBytes(model, be); Tensor x = inputs(be, dtype); Tensor p = net.predict(x)) {
            return p.toDoubleArray();
        }
    }

    /** Two backends' predictions of the model in {@code file}: each within the reference's bound of the exact ones. */
    private static void assertClose(double[] actual, double[] expected, DType dtype, byte[] file) throws Exception {
        Backend ref = new ReferenceBackend();
        Bounded exact;
        try (Network net = ModelFiles.fromBytes(file, ref); Tensor x = inputs(ref, dtype)) {
            exact = new ReferenceNetwork(Tolerance.of(dtype), LAYERS, false).forward(weights(net), x.toDoubleArray(),
                    x.shape().rows());
        }
        assertThat(actual).hasSameSizeAs(expected).hasSameSizeAs(exact.v());
        for (int i = 0; i < actual.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("output %d: %s vs %s", i, actual[i], expected[i])
                    .isLessThanOrEqualTo(2 * exact.e()[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aSavedNetworkLoadsBackBitForBit(DType dtype) throws Exception {
        Backend be = backend();
        byte[] file = trained(be, dtype);
        try (Network back = ModelFiles.fromBytes(file, be); Tensor x = inputs(be, dtype); Tensor p = back.predict(x)) {
            assertThat(ModelFiles.toBytes(back)).as("saving the loaded network again").isEqualTo(file);
            assertThat(predictions(be, dtype, file)).containsExactly(p.toDoubleArray());
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void theFileHoldsThisBackendsValuesForAnyReader(DType dtype) {
        Backend be = backend();
        try (Network net = network(be, dtype)) {
            IndependentSafetensorsReader file = IndependentSafetensorsReader.read(ModelFiles.toBytes(net));
            String[] names = {"layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias", "layers.4.weight",
                "layers.4.bias"};
            assertThat(file.tensors().keySet()).containsExactly(names);
            List<double[]> w = weights(net);
            for (int i = 0; i < names.length; i++) {
                IndependentSafetensorsReader.Entry e = file.tensors().get(names[i]);
                assertThat(e.dtype()).isEqualTo(dtype == DType.FLOAT32 ? "F32" : "F64");
                assertThat(e.shape()).containsExactly(Arrays.stream(net.parameters().get(i).value().shape().dims())
                        .asLongStream().toArray());
                assertThat(e.values()).as(names[i]).containsExactly(w.get(i));
            }
            assertThat(file.metadata()).containsEntry("format", "nn4j").containsKey("nn4j.architecture");
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void theFileIsByteIdenticalToTheReferenceBackendsForTheSameWeights(DType dtype) {
        try (Network mine = network(backend(), dtype); Network ref = network(new ReferenceBackend(), dtype)) {
            assertThat(ModelFiles.toBytes(mine)).isEqualTo(ModelFiles.toBytes(ref));
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aModelSavedHereLoadsOnTheReferenceBackendAndPredictsTheSame(DType dtype) throws Exception {
        byte[] file = trained(backend(), dtype);
        assertClose(predictions(new ReferenceBackend(), dtype, file), predictions(backend(), dtype, file), dtype, file);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aModelSavedOnTheReferenceBackendLoadsHereAndPredictsTheSame(DType dtype) throws Exception {
        byte[] file = trained(new ReferenceBackend(), dtype);
        assertClose(predictions(backend(), dtype, file), predictions(new ReferenceBackend(), dtype, file), dtype, file);
    }

    static Stream<Arguments> optimizers() {
        Supplier<Optimizer> adam = () -> new Adam(0.01);
        Supplier<Optimizer> momentum = () -> new Sgd(0.1, 0.9);
        // 4 batches per epoch: the schedules change within and across the interrupted epochs; clipping is active
        Supplier<Optimizer> adamW = () -> Adam.builder(0.01).weightDecay(0.1).clipNorm(0.1)
                .schedule(LearningRateSchedule.cosine(20, 0.05)).build();
        Supplier<Optimizer> decayed = () -> Sgd.builder(0.1).momentum(0.9).weightDecay(0.01).clipNorm(0.1)
                .schedule(LearningRateSchedule.step(5, 0.7)).build();
        return Stream.of(Arguments.of(DType.FLOAT32, "Adam", adam), Arguments.of(DType.FLOAT64, "Adam", adam),
                Arguments.of(DType.FLOAT32, "Sgd with momentum", momentum),
                Arguments.of(DType.FLOAT64, "Sgd with momentum", momentum),
                Arguments.of(DType.FLOAT32, "AdamW, cosine schedule, clipped", adamW),
                Arguments.of(DType.FLOAT64, "AdamW, cosine schedule, clipped", adamW),
                Arguments.of(DType.FLOAT32, "Sgd, momentum, decay, step schedule, clipped", decayed),
                Arguments.of(DType.FLOAT64, "Sgd, momentum, decay, step schedule, clipped", decayed));
    }

    /**
     * A classifier with dropout on labels, with the fused softmax cross-entropy: the masks follow from the seeds and
     * the step, so a resumed run draws the uninterrupted run's masks and ends with its weights, bit for bit.
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void resumingAClassifierWithDropoutEqualsTrainingWithoutAStop(DType dtype) throws Exception {
        Backend be = backend();
        Supplier<Network> classifier = () -> Network.of(new Dense(be, dtype, 6, 12, WeightInit.HE_UNIFORM, 210),
                new ReLU(), new Dropout(0.3, 211), new Dense(be, dtype, 12, 3, WeightInit.XAVIER_UNIFORM, 212));
        double[] labelValues = new double[60];
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = i % 3;
        }
        try (Tensor x = inputs(be, dtype); Tensor labels = be.fromArray(dtype, labelValues, Shape.of(60, 1))) {
            List<double[]> uninterrupted;
            try (Network net = classifier.get(); Optimizer opt = new Adam(0.01)) {
                net.fit(x, labels, new SoftmaxCrossEntropy(), opt, TrainingConfig.builder(4).batchSize(16).seed(9).build());
                uninterrupted = weights(net);
            }
            byte[] checkpoint;
            try (Network net = classifier.get(); Optimizer opt = new Adam(0.01)) {
                net.fit(x, labels, new SoftmaxCrossEntropy(), opt, TrainingConfig.builder(2).batchSize(16).seed(9).build());
                checkpoint = ModelFiles.toBytes(net, opt);
            }
            try (Checkpoint cp = ModelFiles.checkpointFromBytes(checkpoint, be, "checkpoint")) {
                assertThat(cp.network().layers().get(2)).isInstanceOf(Dropout.class);
                cp.network().fit(x, labels, new SoftmaxCrossEntropy(), cp.optimizer(),
                        TrainingConfig.builder(4).resumeFrom(cp.progress()).build());
                List<double[]> resumed = weights(cp.network());
                for (int i = 0; i < resumed.size(); i++) {
                    assertThat(resumed.get(i)).as("parameter %d", i).containsExactly(uninterrupted.get(i));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("optimizers")
    void resumingFromACheckpointEqualsTrainingWithoutAStop(DType dtype, String name, Supplier<Optimizer> make)
            throws Exception {
        Backend be = backend();
        int n = 3;
        try (Tensor x = inputs(be, dtype); Tensor y = targets(be, dtype)) {
            List<double[]> uninterrupted;
            double[] losses;
            try (Network net = network(be, dtype); Optimizer opt = make.get()) {
                TrainingHistory h = net.fit(x, y, new MeanSquaredError(), opt,
                        TrainingConfig.builder(2 * n).batchSize(16).seed(9).build());
                uninterrupted = weights(net);
                losses = Arrays.copyOfRange(h.losses(), n, 2 * n);
            }
            byte[] checkpoint;
            try (Network net = network(be, dtype); Optimizer opt = make.get()) {
                net.fit(x, y, new MeanSquaredError(), opt, TrainingConfig.builder(n).batchSize(16).seed(9).build());
                checkpoint = ModelFiles.toBytes(net, opt);
            }
            try (Checkpoint cp = ModelFiles.checkpointFromBytes(checkpoint, be, "checkpoint")) {
                TrainingHistory rest = cp.network().fit(x, y, new MeanSquaredError(), cp.optimizer(),
                        TrainingConfig.builder(2 * n).resumeFrom(cp.progress()).build());
                assertThat(rest.losses()).as("losses of epochs %d to %d", n + 1, 2 * n).containsExactly(losses);
                List<double[]> resumed = weights(cp.network());
                for (int i = 0; i < resumed.size(); i++) {
                    assertThat(resumed.get(i)).as("parameter %d", i).containsExactly(uninterrupted.get(i));
                }
            }
        }
    }
}
