package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every damaged or hostile file the issue lists ends in a {@link ModelFormatException} that names the file and the problem. */
class HostileModelFileTest {
    private static final String NAME = "hostile.safetensors";
    private final Backend be = new ReferenceBackend();
    private final byte[] model;
    private final byte[] checkpoint;

    @TempDir
    Path dir;

    HostileModelFileTest() {
        try (Network net = TestModels.network(be, DType.FLOAT32); Adam adam = new Adam(0.01);
             Tensor x = TestModels.inputs(be, DType.FLOAT32, 8); Tensor y = be.zeros(DType.FLOAT32, Shape.of(8, 2))) {
            net.fit(x, y, new MeanSquaredError(), adam, TrainingConfig.builder(1).batchSize(4).build());
            model = ModelFiles.toBytes(net);
            checkpoint = ModelFiles.toBytes(net, adam);
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] file) {
        return assertThatThrownBy(() -> ModelFiles.fromBytes(file, be, NAME).close())
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(NAME + ": ")
                .satisfies(e -> assertThat(((ModelFormatException) e).source()).isEqualTo(NAME));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertCheckpointRejected(byte[] file) {
        return assertThatThrownBy(() -> ModelFiles.checkpointFromBytes(file, be, NAME).close())
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(NAME + ": ");
    }

    private static byte[] withHeaderText(byte[] file, String from, String to) {
        String header = TestModels.header(file);
        assertThat(header).contains(from);
        return TestModels.file(header.replace(from, to), TestModels.data(file));
    }

    // ------------------------------------------------------------------------------------ the container

    @Test
    void theValidFilesLoad() throws Exception {
        ModelFiles.fromBytes(model, be, NAME).close();
        ModelFiles.checkpointFromBytes(checkpoint, be, NAME).close();
    }

    @Test
    void tooShortForTheLengthField() {
        assertRejected(Arrays.copyOf(model, 5)).hasMessageContaining("too short for a safetensors file: 5 bytes");
    }

    @Test
    void headerLengthLargerThanTheFile() {
        assertRejected(TestModels.withHeaderLength(model, model.length - 7))
                .hasMessageContaining("runs past the end of the file (" + model.length + " bytes)");
    }

    @Test
    void absurdHeaderLengthsAreCapped() {
        assertRejected(TestModels.withHeaderLength(model, -1L)).hasMessageContaining("header length 18446744073709551615"
                + " bytes exceeds the limit of 100000000 bytes");
        assertRejected(TestModels.withHeaderLength(model, 100_000_001L)).hasMessageContaining("exceeds the limit");
    }

    @Test
    void malformedJson() {
        assertRejected(withHeaderText(model, "\"dtype\":\"F32\"", "\"dtype\" \"F32\""))
                .hasMessageContaining("malformed header JSON: unexpected character '\"', expected ':' at character");
        assertRejected(TestModels.file("[1,2]", new byte[0])).hasMessageContaining("not an object");
        assertRejected(TestModels.file("", new byte[0])).hasMessageContaining("malformed header JSON");
    }

    @Test
    void headerThatIsNotUtf8() {
        byte[] file = model.clone();
        int quote = TestModels.header(file).indexOf("nn4j");
        file[8 + quote] = (byte) 0xC3; // a lead byte followed by 'n'
        assertRejected(file).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void offsetsOutOfRange() {
        // bias of layer 0: [80, 96]; pushing it past the data makes a gap, then the data is too short
        assertRejected(withHeaderText(model, "[80,96]", "[80,1000096]")).hasMessageContaining("hold 1000016 bytes, but F32"
                + " [1, 4] needs 16");
        assertRejected(withHeaderText(model, "\"data_offsets\":[0,80]", "\"data_offsets\":[1000000,1000080]"))
                .hasMessageContaining("gap of 80 bytes between the start of the data and tensor layers.0.bias");
        assertRejected(withHeaderText(model, "\"data_offsets\":[0,80]", "\"data_offsets\":[9223372036854775000,9223372036854775080]"))
                .hasMessageContaining("gap of");
    }

    @Test
    void overlappingOffsets() {
        assertRejected(withHeaderText(model, "[80,96]", "[76,92]")).hasMessageContaining("overlaps tensor layers.0.weight");
    }

    @Test
    void offsetsThatLeaveAGap() {
        assertRejected(withHeaderText(model, "[80,96]", "[84,100]")).hasMessageContaining("gap of 4 bytes between tensor"
                + " layers.0.weight (ends at 80) and tensor layers.0.bias (begins at 84)");
    }

    @Test
    void byteLengthNotMatchingDtypeAndShape() {
        assertRejected(withHeaderText(model, "\"shape\":[1,4]", "\"shape\":[1,5]"))
                .hasMessageContaining("tensor layers.0.bias: data_offsets [80, 96] hold 16 bytes, but F32 [1, 5] needs 20");
        assertRejected(withHeaderText(model, "\"shape\":[1,4]", "\"shape\":[4294967296,4294967296]"))
                .hasMessageContaining("shape [4294967296, 4294967296] has more elements than 2^63");
    }

    @Test
    void truncatedData() {
        assertRejected(Arrays.copyOf(model, model.length - 10))
                .hasMessageContaining("truncated: the tensors need " + TestModels.data(model).length);
    }

    @Test
    void trailingBytes() {
        assertRejected(Arrays.copyOf(model, model.length + 3)).hasMessageContaining("3 bytes after the last tensor's data");
    }

    @Test
    void duplicateNames() {
        String header = TestModels.header(model);
        int at = header.indexOf("\"layers.0.bias\"");
        String dup = header.substring(0, at) + "\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},"
                + header.substring(at);
        assertRejected(TestModels.file(dup, TestModels.data(model))).hasMessageContaining("duplicate key \"layers.0.bias\"");
    }

    @Test
    void dtypesNn4jDoesNotRead() {
        assertRejected(withHeaderText(model, "\"dtype\":\"F32\",\"shape\":[1,4]", "\"dtype\":\"I32\",\"shape\":[1,4]"))
                .hasMessageContaining("tensor layers.0.bias has dtype I32, which nn4j does not read (it reads F32 and F64)");
        assertRejected(withHeaderText(model, "\"dtype\":\"F32\",\"shape\":[1,4]", "\"dtype\":\"F33\",\"shape\":[1,4]"))
                .hasMessageContaining("dtype \"F33\" is not a safetensors dtype nn4j knows");
        FileParts parts = FileParts.of(model);
        parts.metadata.put(ModelFormat.DTYPE_KEY, "BF16");
        assertRejected(parts.bytes()).hasMessageContaining("the model's dtype BF16 is not one nn4j reads (F32, F64)");
    }

    @Test
    void aTensorOfAnotherDtypeThanTheModel() {
        FileParts parts = FileParts.of(model);
        SafetensorsWriter.Entry bias = parts.tensors.get(parts.indexOf("layers.2.bias"));
        parts.replace("layers.2.bias", new SafetensorsWriter.Entry(bias.name(), "F64", bias.shape(), new byte[24]));
        assertRejected(parts.bytes()).hasMessageContaining("tensor layers.2.bias has dtype F64, but the model's dtype is F32");
    }

    // ------------------------------------------------------------------------------------ nn4j's layer

    @Test
    void tensorsMissingForTheArchitecture() {
        FileParts parts = FileParts.of(model);
        parts.tensors.remove(parts.indexOf("layers.4.bias"));
        assertRejected(parts.bytes()).hasMessageContaining("tensor layers.4.bias, which layer 4 (Dense)"
                + " {\"inputs\":3,\"outputs\":2} needs, is missing");
    }

    @Test
    void tensorsLeftOver() {
        FileParts parts = FileParts.of(model);
        parts.tensors.add(new SafetensorsWriter.Entry("layers.1.weight", "F32", List.of(2L), new byte[8]));
        parts.tensors.add(new SafetensorsWriter.Entry("extra", "U8", List.of(3L), new byte[3]));
        assertRejected(parts.bytes()).hasMessageContaining("2 tensor(s) that the architecture do not use: layers.1.weight, extra");
    }

    @Test
    void shapesThatDoNotFitTheArchitecture() {
        FileParts parts = FileParts.of(model);
        parts.replace("layers.2.weight", new SafetensorsWriter.Entry("layers.2.weight", "F32", List.of(3L, 4L), new byte[48]));
        assertRejected(parts.bytes()).hasMessageContaining("tensor layers.2.weight has shape [3, 4], but layer 2 (Dense)"
                + " {\"inputs\":4,\"outputs\":3} needs [4, 3]");
    }

    @Test
    void anArchitectureThatDoesNotFitItsTensorsAllocatesNothing() {
        FileParts parts = FileParts.of(model);
        String arch = parts.metadata.get(ModelFormat.ARCHITECTURE_KEY);
        // 2^31-1 x 2^31-1 cannot even be a shape; 46,000 x 46,000 floats (8 GB) can, but the file has 80 bytes for it
        parts.metadata.put(ModelFormat.ARCHITECTURE_KEY, arch.replace("\"inputs\":5,\"outputs\":4", "\"inputs\":2147483647,\"outputs\":2147483647"));
        assertRejected(parts.bytes()).hasMessageContaining("layer 0 (Dense): invalid configuration")
                .hasMessageContaining("more than 2147483647 elements");
        parts.metadata.put(ModelFormat.ARCHITECTURE_KEY, arch.replace("\"inputs\":5,\"outputs\":4", "\"inputs\":46000,\"outputs\":46000"));
        assertRejected(parts.bytes()).hasMessageContaining("has shape [5, 4], but layer 0 (Dense)");
    }

    @Test
    void invalidConfigurations() {
        FileParts parts = FileParts.of(model);
        String arch = parts.metadata.get(ModelFormat.ARCHITECTURE_KEY);
        parts.metadata.put(ModelFormat.ARCHITECTURE_KEY, arch.replace("\"inputs\":5", "\"inputs\":-5"));
        assertRejected(parts.bytes()).hasMessageContaining("layer 0 (Dense): invalid configuration"
                + " {\"inputs\":-5,\"outputs\":4}: inputs and outputs must be positive");
        parts.metadata.put(ModelFormat.ARCHITECTURE_KEY, arch.replace("\"inputs\":5", "\"inputs\":\"5\""));
        assertRejected(parts.bytes()).hasMessageContaining("config key 'inputs' must be an integer, got \"5\"");
        parts.metadata.put(ModelFormat.ARCHITECTURE_KEY, arch.replace("{\"function\":\"identity\"}", "{\"function\":\"swish\"}"));
        assertRejected(parts.bytes()).hasMessageContaining("layer 5 (Activation): invalid configuration")
                .hasMessageContaining("unknown activation function \"swish\"");
        parts.metadata.put(ModelFormat.ARCHITECTURE_KEY, arch.replace("\"Tanh\",\"config\":{}", "\"Tanh\",\"config\":{\"slope\":2}"));
        assertRejected(parts.bytes()).hasMessageContaining("unknown config key 'slope'");
        parts.metadata.put(ModelFormat.ARCHITECTURE_KEY, arch.substring(0, arch.length() - 3));
        assertRejected(parts.bytes()).hasMessageContaining("nn4j.architecture is malformed JSON");
        parts.metadata.put(ModelFormat.ARCHITECTURE_KEY, "{\"layers\":[]}");
        assertRejected(parts.bytes()).hasMessageContaining("\"layers\" must be a non-empty list");
        parts.metadata.remove(ModelFormat.ARCHITECTURE_KEY);
        assertRejected(parts.bytes()).hasMessageContaining("no nn4j.architecture in the metadata");
    }

    @Test
    void anUnknownLayerTypeIsNamedWithHowToRegisterIt() {
        FileParts parts = FileParts.of(model);
        String arch = parts.metadata.get(ModelFormat.ARCHITECTURE_KEY);
        parts.metadata.put(ModelFormat.ARCHITECTURE_KEY, arch.replace("\"Tanh\"", "\"com.example.Gated\""));
        assertRejected(parts.bytes()).hasMessageContaining("layer 1 has type \"com.example.Gated\", which no registered"
                        + " LayerType provides (registered: ")
                .hasMessageContaining("Dense")
                .hasMessageContaining("implement io.github.nn4j.api.persist.LayerType for it and list the class in"
                        + " META-INF/services/io.github.nn4j.api.persist.LayerType");
    }

    @Test
    void formatsAndVersionsNn4jDoesNotRead() {
        FileParts parts = FileParts.of(model);
        parts.metadata.put(ModelFormat.FORMAT_VERSION_KEY, "2");
        assertRejected(parts.bytes()).hasMessageContaining("unsupported format version 2: this nn4j (" + Nn4jVersion.get()
                + ") reads version 1; the file was written by a newer nn4j");
        parts.metadata.put(ModelFormat.FORMAT_VERSION_KEY, "one");
        assertRejected(parts.bytes()).hasMessageContaining("nn4j.format_version \"one\" is not a number");
        parts.metadata.put(ModelFormat.FORMAT_KEY, "pt");
        assertRejected(parts.bytes()).hasMessageContaining("a safetensors file written for \"pt\", not an nn4j model");
        parts.metadata.clear();
        assertRejected(parts.bytes()).hasMessageContaining("not an nn4j model: its metadata has no \"format\" entry");
    }

    @Test
    void damagedDataFailsTheChecksum() {
        byte[] file = model.clone();
        file[file.length - 3] ^= 0x10;
        assertRejected(file).hasMessageContaining("the tensor data does not match its checksum");
        assertRejected(withHeaderText(model, "\"nn4j.data_crc32c\":\"", "\"nn4j.data_crc32c\":\"q"))
                .hasMessageContaining("nn4j.data_crc32c must be 8 lower-case hex digits");
    }

    // ------------------------------------------------------------------------------------ checkpoints

    @Test
    void checkpointProblems() {
        assertCheckpointRejected(model).hasMessageContaining("a model without optimizer state, not a checkpoint");
        FileParts parts = FileParts.of(checkpoint);
        parts.tensors.remove(parts.indexOf("optimizer.layers.2.bias.v"));
        assertCheckpointRejected(parts.bytes()).hasMessageContaining("tensor optimizer.layers.2.bias.v, which the"
                + " optimizer's state of layers.2.bias needs, is missing");
        parts = FileParts.of(checkpoint);
        parts.metadata.put(ModelFormat.OPTIMIZER_KEY, parts.metadata.get(ModelFormat.OPTIMIZER_KEY).replace("\"Adam\"", "\"Lion\""));
        assertCheckpointRejected(parts.bytes()).hasMessageContaining("the optimizer has type \"Lion\", which no registered"
                + " OptimizerType provides (registered: Adam, Sgd)");
        parts = FileParts.of(checkpoint);
        parts.metadata.put(ModelFormat.OPTIMIZER_KEY, parts.metadata.get(ModelFormat.OPTIMIZER_KEY).replace("\"beta1\":0.9", "\"beta1\":1.5"));
        assertCheckpointRejected(parts.bytes()).hasMessageContaining("optimizer Adam: invalid configuration");
        parts = FileParts.of(checkpoint);
        parts.metadata.put(ModelFormat.TRAINING_KEY, parts.metadata.get(ModelFormat.TRAINING_KEY).replace("\"samples\":8", "\"samples\":-8"));
        assertCheckpointRejected(parts.bytes()).hasMessageContaining("nn4j.training: training progress needs");
        parts = FileParts.of(checkpoint);
        parts.metadata.remove(ModelFormat.OPTIMIZER_KEY);
        assertRejected(parts.bytes()).hasMessageContaining("tensor(s) that the architecture do not use: optimizer.layers.0.weight.m");
    }

    // ------------------------------------------------------------------------------------ files and streams

    @Test
    void fromAPathTheMessageNamesThePath() throws Exception {
        Path file = dir.resolve("broken.safetensors");
        Files.write(file, Arrays.copyOf(model, model.length - 1));
        assertThatThrownBy(() -> ModelFiles.load(file, be)).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(file + ": truncated");
        assertThatThrownBy(() -> ModelFiles.inspect(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(file + ": truncated");
    }

    @Test
    void streamsThatEndEarlyOrGoOn() {
        assertThatThrownBy(() -> ModelFiles.read(new ByteArrayInputStream(Arrays.copyOf(model, 6)), be, NAME))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("before the 8-byte header length");
        assertThatThrownBy(() -> ModelFiles.read(new ByteArrayInputStream(Arrays.copyOf(model, 50)), be, NAME))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("bytes into a header of");
        assertThatThrownBy(() -> ModelFiles.read(new ByteArrayInputStream(Arrays.copyOf(model, model.length - 1)), be, NAME))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("truncated: the stream ended after");
        assertThatThrownBy(() -> ModelFiles.read(new ByteArrayInputStream(Arrays.copyOf(model, model.length + 1)), be, NAME))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("trailing bytes");
        byte[] huge = withHeaderText(model, "\"shape\":[1,4],\"data_offsets\":[80,96]",
                "\"shape\":[1,1000000000],\"data_offsets\":[80,4000000080]");
        assertThatThrownBy(() -> ModelFiles.read(new ByteArrayInputStream(huge), be, NAME))
                .isInstanceOf(ModelFormatException.class).hasMessageContaining("load it from a file");
        assertThat(new String(huge, StandardCharsets.UTF_8)).contains("4000000080");
    }
}
