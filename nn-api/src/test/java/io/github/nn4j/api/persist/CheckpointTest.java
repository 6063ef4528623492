package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.EpochStats;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.network.TrainingProgress;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointTest {
    private final Backend be = new ReferenceBackend();

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        Supplier<Optimizer> adam = () -> new Adam(0.01);
        Supplier<Optimizer> momentum = () -> new Sgd(0.05, 0.9);
        return Stream.of(Arguments.of(DType.FLOAT32, "Adam", adam), Arguments.of(DType.FLOAT64, "Adam", adam),
                Arguments.of(DType.FLOAT32, "Sgd", momentum), Arguments.of(DType.FLOAT64, "Sgd", momentum));
    }

    private Tensor[] data(DType dtype) {
        return new Tensor[] {TestModels.inputs(be, dtype, 50), be.randomUniform(dtype, Shape.of(50, 2), 0, 1, 5)};
    }

    private static TrainingConfig.Builder config(int epochs) {
        return TrainingConfig.builder(epochs).batchSize(8).seed(17);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void trainingNSavingLoadingAndTrainingNMoreEqualsTraining2N(DType dtype, String name, Supplier<Optimizer> make)
            throws Exception {
        Tensor[] d = data(dtype);
        Path file = dir.resolve("run.safetensors");
        List<double[]> uninterrupted;
        double[] lastLosses;
        try (Network net = TestModels.network(be, dtype); Optimizer opt = make.get()) {
            TrainingHistory h = net.fit(d[0], d[1], new MeanSquaredError(), opt, config(6).build());
            uninterrupted = TestModels.weights(net);
            lastLosses = java.util.Arrays.copyOfRange(h.losses(), 3, 6);
        }
        try (Network net = TestModels.network(be, dtype); Optimizer opt = make.get()) {
            net.fit(d[0], d[1], new MeanSquaredError(), opt, config(3).build());
            assertThat(net.trainingProgress()).isEqualTo(new TrainingProgress(3, 17, 8, true, 50));
            ModelFiles.save(net, opt, file);
        }
        ModelInfo info = ModelFiles.inspect(file);
        assertThat(info.isCheckpoint()).isTrue();
        assertThat(info.optimizer().type()).isEqualTo(name);
        assertThat(info.optimizer().steps()).isEqualTo(3 * 7); // 50 samples in batches of 8
        assertThat(info.training()).isEqualTo(new TrainingProgress(3, 17, 8, true, 50));
        try (Checkpoint cp = ModelFiles.loadCheckpoint(file, be)) {
            assertThat(cp.progress()).isEqualTo(info.training());
            assertThat(cp.optimizer().steps()).isEqualTo(21);
            TrainingHistory h = cp.network().fit(d[0], d[1], new MeanSquaredError(), cp.optimizer(),
                    TrainingConfig.builder(6).resumeFrom(cp.progress()).build());
            assertThat(h.epochs()).extracting(EpochStats::epoch).containsExactly(4, 5, 6);
            assertThat(h.losses()).containsExactly(lastLosses);
            List<double[]> resumed = TestModels.weights(cp.network());
            for (int i = 0; i < resumed.size(); i++) {
                assertThat(resumed.get(i)).as("parameter %d", i).containsExactly(uninterrupted.get(i));
            }
            assertThat(cp.network().trainingProgress().epoch()).isEqualTo(6);
        } finally {
            d[0].close();
            d[1].close();
        }
    }

    @Test
    void theOptimizerStateIsRestoredExactly() throws Exception {
        Tensor[] d = data(DType.FLOAT32);
        try (Network net = TestModels.network(be, DType.FLOAT32); Adam adam = new Adam(0.01)) {
            net.fit(d[0], d[1], new MeanSquaredError(), adam, config(2).build());
            try (Checkpoint cp = ModelFiles.checkpointFromBytes(ModelFiles.toBytes(net, adam), be, "cp")) {
                List<Parameter> mine = net.parameters();
                List<Parameter> theirs = cp.network().parameters();
                for (int p = 0; p < mine.size(); p++) {
                    for (String s : adam.stateNames()) {
                        assertThat(cp.optimizer().state(theirs.get(p), s).toFloatArray()).as("%s of %d", s, p)
                                .containsExactly(adam.state(mine.get(p), s).toFloatArray());
                    }
                }
                assertThat(((Adam) cp.optimizer()).learningRate()).isEqualTo(0.01);
            }
        } finally {
            d[0].close();
            d[1].close();
        }
    }

    @Test
    void aCheckpointLoadsAsAModelAndPlainSgdHasNoStateTensors() throws Exception {
        Tensor[] d = data(DType.FLOAT64);
        try (Network net = TestModels.network(be, DType.FLOAT64); Sgd sgd = new Sgd(0.1)) {
            net.fit(d[0], d[1], new MeanSquaredError(), sgd, config(1).build());
            byte[] cp = ModelFiles.toBytes(net, sgd);
            assertThat(ModelFiles.inspect(cp, "cp").tensors()).hasSize(6);
            try (Network back = ModelFiles.fromBytes(cp, be)) {
                assertThat(TestModels.weights(back).get(0)).containsExactly(TestModels.weights(net).get(0));
                assertThat(back.trainingProgress()).isEqualTo(net.trainingProgress());
            }
        } finally {
            d[0].close();
            d[1].close();
        }
    }

    @Test
    void aCheckpointBeforeAnyEpochHasNoProgress() throws Exception {
        try (Network net = TestModels.network(be, DType.FLOAT32); Adam adam = new Adam(0.1);
             Checkpoint cp = ModelFiles.checkpointFromBytes(ModelFiles.toBytes(net, adam), be, "cp")) {
            assertThat(cp.progress()).isNull();
            assertThat(cp.optimizer().steps()).isZero();
        }
    }

    @Test
    void aCheckpointListenerSavesEveryNEpochsAndAfterTheLast() throws Exception {
        Tensor[] d = data(DType.FLOAT32);
        Path file = dir.resolve("every.safetensors");
        java.util.List<Integer> saved = new java.util.ArrayList<>();
        try (Network net = TestModels.network(be, DType.FLOAT32); Adam adam = new Adam(0.01)) {
            CheckpointListener every2 = new CheckpointListener(file, net, adam, 2);
            io.github.nn4j.api.network.TrainingListener probe = new io.github.nn4j.api.network.TrainingListener() {
                @Override
                public void onEpochEnd(EpochStats stats) {
                    if (java.nio.file.Files.exists(file)) {
                        try {
                            saved.add(ModelFiles.inspect(file).training().epoch());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            };
            net.fit(d[0], d[1], new MeanSquaredError(), adam, config(5).listener(every2).listener(probe).build());
            assertThat(saved).containsExactly(2, 2, 4, 5);
            try (Checkpoint cp = ModelFiles.loadCheckpoint(file, be)) {
                assertThat(TestModels.weights(cp.network()).get(0)).containsExactly(TestModels.weights(net).get(0));
                assertThat(cp.optimizer().steps()).isEqualTo(adam.steps());
            }
        } finally {
            d[0].close();
            d[1].close();
        }
        assertThatThrownBy(() -> new CheckpointListener(file, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resumingWithOtherDataIsRefused() {
        Tensor[] d = data(DType.FLOAT32);
        try (Network net = TestModels.network(be, DType.FLOAT32); Tensor x = d[0].rows(0, 40); Tensor y = d[1].rows(0, 40)) {
            TrainingConfig c = TrainingConfig.builder(4).resumeFrom(new TrainingProgress(2, 17, 8, true, 50)).build();
            assertThatThrownBy(() -> net.fit(x, y, new MeanSquaredError(), new Sgd(0.1), c))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("resuming a run over 50 samples with 40 samples");
        } finally {
            d[0].close();
            d[1].close();
        }
    }
}
