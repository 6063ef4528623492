package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.optim.CosineDecay;
import io.github.nn4j.api.optim.GradientDescent;
import io.github.nn4j.api.optim.LearningRateSchedule;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.optim.StepDecay;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Weight decay, clipping and schedules in checkpoints: written only where set (so a plain optimizer's file is what
 * earlier versions wrote), read back into an equal optimizer, and refused with a message when unknown. That training
 * resumes exactly with them is the conformance suite's {@code PersistenceConformanceTest}.
 */
class OptimizerSettingsFileTest {
    private final Backend be = new ReferenceBackend();

    private Map<String, Object> optimizerJson(byte[] checkpoint) throws Exception {
        String text = FileParts.of(checkpoint).metadata.get(ModelFormat.OPTIMIZER_KEY);
        return TestModels.cast(JsonParser.parse(text));
    }

    private byte[] checkpoint(Optimizer optimizer) {
        try (Network net = TestModels.network(be, DType.FLOAT32)) {
            return ModelFiles.toBytes(net, optimizer);
        }
    }

    private Optimizer loaded(byte[] checkpoint) throws Exception {
        Checkpoint cp = ModelFiles.checkpointFromBytes(checkpoint, be, "cp");
        cp.network().close();
        return cp.optimizer();
    }

    @Test
    void defaultsAreLeftOutAsEarlierVersionsWroteThem() throws Exception {
        Map<String, Object> adam = TestModels.cast(optimizerJson(checkpoint(new Adam(0.01))).get("config"));
        assertThat(adam.keySet()).containsExactly("learning_rate", "beta1", "beta2", "epsilon");
        Map<String, Object> sgd = TestModels.cast(optimizerJson(checkpoint(new Sgd(0.1, 0.9))).get("config"));
        assertThat(sgd.keySet()).containsExactly("learning_rate", "momentum");
    }

    @Test
    void everySettingIsWrittenAndReadBack() throws Exception {
        Adam adam = Adam.builder(0.002).betas(0.8, 0.99).epsilon(1e-7).weightDecay(0.01).clipNorm(2.5)
                .schedule(LearningRateSchedule.cosine(1000, 0.05)).build();
        adam.setSteps(321);
        byte[] file = checkpoint(adam);
        Map<String, Object> config = TestModels.cast(optimizerJson(file).get("config"));
        assertThat(config).containsEntry("weight_decay", 0.01).containsEntry("clip_norm", 2.5);
        Map<String, Object> schedule = TestModels.cast(config.get("schedule"));
        assertThat(schedule).containsEntry("type", "CosineDecay")
                .containsEntry("config", Map.of("decay_steps", 1000L, "min_factor", 0.05));
        Adam back = (Adam) loaded(file);
        assertThat(back.toString()).isEqualTo(adam.toString());
        assertThat(back.schedule()).isEqualTo(new CosineDecay(1000, 0.05));
        assertThat(back.steps()).isEqualTo(321);
        assertThat(back.currentLearningRate()).isEqualTo(adam.currentLearningRate());

        Sgd sgd = Sgd.builder(0.1).momentum(0.9).weightDecay(5e-4).schedule(LearningRateSchedule.step(100, 0.5)).build();
        Sgd sgdBack = (Sgd) loaded(checkpoint(sgd));
        assertThat(sgdBack.toString()).isEqualTo(sgd.toString());
        assertThat(sgdBack.schedule()).isEqualTo(new StepDecay(100, 0.5));
        assertThat(sgdBack.clipsGradients()).isFalse();
    }

    @Test
    void theConstantScheduleHasATypeOfItsOwn() {
        Config c = ScheduleType.toConfig(LearningRateSchedule.constant());
        assertThat(c.toString()).isEqualTo("{\"type\":\"Constant\",\"config\":{}}");
        assertThat(ScheduleType.fromConfig(c)).isSameAs(LearningRateSchedule.constant());
    }

    @Test
    void unknownOrInvalidSchedulesAreRefusedWithTheReason() {
        byte[] file = checkpoint(Sgd.builder(0.1).schedule(LearningRateSchedule.step(10, 0.5)).build());
        FileParts parts = FileParts.of(file);
        String json = parts.metadata.get(ModelFormat.OPTIMIZER_KEY);
        parts.metadata.put(ModelFormat.OPTIMIZER_KEY, json.replace("\"StepDecay\"", "\"OneCycle\""));
        assertThatThrownBy(() -> loaded(parts.bytes())).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("the schedule has type \"OneCycle\", which no registered ScheduleType provides"
                        + " (registered: Constant, CosineDecay, StepDecay)");
        parts.metadata.put(ModelFormat.OPTIMIZER_KEY, json.replace("\"gamma\":0.5", "\"gamma\":2.0"));
        assertThatThrownBy(() -> loaded(parts.bytes())).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("optimizer Sgd: invalid configuration").hasMessageContaining("gamma must be in (0, 1]");
        parts.metadata.put(ModelFormat.OPTIMIZER_KEY, json.replace("\"momentum\":0.0", "\"momentum\":0.0,\"clip_norm\":-1"));
        assertThatThrownBy(() -> loaded(parts.bytes())).hasMessageContaining("clipping norm must be positive");
        parts.metadata.put(ModelFormat.OPTIMIZER_KEY, json.replace("\"momentum\":0.0", "\"momentum\":0.0,\"nesterov\":true"));
        assertThatThrownBy(() -> loaded(parts.bytes())).hasMessageContaining("unknown config key 'nesterov'");
    }

    @Test
    void aScheduleWithoutARegisteredTypeCannotBeSaved() {
        GradientDescent custom = Sgd.builder(0.1).schedule(t -> 1.0 / (1 + t)).build();
        assertThatThrownBy(() -> checkpoint(custom)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no ScheduleType is registered for")
                .hasMessageContaining("META-INF/services/io.github.nn4j.api.persist.ScheduleType");
    }
}
