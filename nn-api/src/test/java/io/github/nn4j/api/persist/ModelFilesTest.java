package io.github.nn4j.api.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelFilesTest {
    private final Backend be = new ReferenceBackend();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DType.class)
    void roundTripKeepsTheArchitectureAndEveryBit(DType dtype) throws Exception {
        Path file = dir.resolve("model.safetensors");
        try (Network net = TestModels.network(be, dtype); Tensor x = TestModels.inputs(be, dtype, 7)) {
            ModelFiles.save(net, file);
            try (Network back = ModelFiles.load(file, be); Tensor p = net.predict(x); Tensor q = back.predict(x)) {
                assertThat(TestModels.layerClasses(back)).isEqualTo(TestModels.layerClasses(net));
                assertThat(back.toString()).isEqualTo(net.toString());
                List<double[]> a = TestModels.weights(net);
                List<double[]> b = TestModels.weights(back);
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i)).as("parameter %d", i).containsExactly(a.get(i));
                }
                assertThat(back.parameters().get(0).value().dtype()).isEqualTo(dtype);
                assertThat(q.toDoubleArray()).containsExactly(p.toDoubleArray());
                assertThat(back.trainingProgress()).isNull();
            }
        }
    }

    @Test
    void theFileIsSafetensorsWithTheDocumentedNamesAndMetadata() throws Exception {
        byte[] bytes;
        try (Network net = TestModels.network(be, DType.FLOAT32)) {
            bytes = ModelFiles.toBytes(net);
        }
        long n = TestModels.headerLength(bytes);
        assertThat((8 + n) % 8).as("data starts 8-byte aligned").isZero();
        String header = TestModels.header(bytes);
        assertThat(header).startsWith("{\"__metadata__\":{\"format\":\"nn4j\",\"nn4j.format_version\":\"1\",");
        Map<String, Object> json = TestModels.cast(JsonParser.parse(header));
        assertThat(json.keySet()).containsExactly("__metadata__", "layers.0.weight", "layers.0.bias",
                "layers.2.weight", "layers.2.bias", "layers.4.weight", "layers.4.bias");
        assertThat(json.get("layers.0.weight"))
                .isEqualTo(Map.of("dtype", "F32", "shape", List.of(5L, 4L), "data_offsets", List.of(0L, 80L)));
        assertThat(json.get("layers.0.bias"))
                .isEqualTo(Map.of("dtype", "F32", "shape", List.of(1L, 4L), "data_offsets", List.of(80L, 96L)));
        Map<String, Object> meta = TestModels.cast(json.get("__metadata__"));
        assertThat(meta.keySet()).containsExactly("format", "nn4j.format_version", "nn4j.version", "nn4j.dtype",
                "nn4j.architecture", "nn4j.data_crc32c");
        assertThat(meta.get("nn4j.dtype")).isEqualTo("F32");
        assertThat(meta.get("nn4j.version")).isEqualTo(Nn4jVersion.get());
        assertThat(Nn4jVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(meta.get("nn4j.architecture")).isEqualTo("{\"layers\":["
                + "{\"type\":\"Dense\",\"config\":{\"inputs\":5,\"outputs\":4}},{\"type\":\"Tanh\",\"config\":{}},"
                + "{\"type\":\"Dense\",\"config\":{\"inputs\":4,\"outputs\":3}},{\"type\":\"ReLU\",\"config\":{}},"
                + "{\"type\":\"Dense\",\"config\":{\"inputs\":3,\"outputs\":2}},"
                + "{\"type\":\"Activation\",\"config\":{\"function\":\"identity\"}},{\"type\":\"Sigmoid\",\"config\":{}}]}");
        // 5*4 + 4 + 4*3 + 3 + 3*2 + 2 = 47 floats
        assertThat(bytes.length).isEqualTo(8 + n + 47 * 4);
    }

    @Test
    void theWeightIsStoredInputsByOutputsRowMajorLittleEndian() throws Exception {
        try (Network net = Network.of(new Dense(be.fromMatrix(DType.FLOAT64, new double[][] {{1, 2, 3}, {4, 5, 6}}),
                be.fromMatrix(DType.FLOAT64, new double[][] {{0.5, -0.5, 0.25}})))) {
            byte[] data = TestModels.data(ModelFiles.toBytes(net));
            java.nio.DoubleBuffer d = java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
            double[] all = new double[d.remaining()];
            d.get(all);
            assertThat(all).containsExactly(1, 2, 3, 4, 5, 6, 0.5, -0.5, 0.25);
        }
    }

    @Test
    void savingIsDeterministicAndBytesStreamsAndFilesAgree() throws Exception {
        Path file = dir.resolve("m.safetensors");
        try (Network net = TestModels.network(be, DType.FLOAT64)) {
            byte[] a = ModelFiles.toBytes(net);
            byte[] b = ModelFiles.toBytes(net);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ModelFiles.write(net, out);
            ModelFiles.save(net, file);
            assertThat(b).isEqualTo(a);
            assertThat(out.toByteArray()).isEqualTo(a);
            assertThat(Files.readAllBytes(file)).isEqualTo(a);
            try (Network fromStream = ModelFiles.read(new ByteArrayInputStream(a), be, "stream");
                 Network fromBytes = ModelFiles.fromBytes(a, be)) {
                assertThat(TestModels.weights(fromStream).get(0)).containsExactly(TestModels.weights(net).get(0));
                assertThat(TestModels.weights(fromBytes).get(5)).containsExactly(TestModels.weights(net).get(5));
            }
        }
    }

    @Test
    void savingReplacesTheFileAtomicallyAndLeavesNothingElse() throws Exception {
        Path file = dir.resolve("m.safetensors");
        try (Network first = TestModels.network(be, DType.FLOAT32);
             Network second = Network.of(new Dense(be, DType.FLOAT32, 2, 2, io.github.nn4j.api.layer.WeightInit.HE_UNIFORM, 7))) {
            ModelFiles.save(first, file);
            ModelFiles.save(second, file);
            try (Network back = ModelFiles.load(file, be)) {
                assertThat(TestModels.shapes(back)).isEqualTo(TestModels.shapes(second));
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.safetensors");
        }
    }

    @Test
    void inspectDescribesWithoutLoading() throws Exception {
        Path file = dir.resolve("m.safetensors");
        try (Network net = TestModels.network(be, DType.FLOAT32)) {
            ModelFiles.save(net, file);
            ModelInfo info = ModelFiles.inspect(file);
            assertThat(info.source()).isEqualTo(file.toString());
            assertThat(info.size()).isEqualTo(Files.size(file));
            assertThat(info.formatVersion()).isEqualTo(1);
            assertThat(info.dtype()).isEqualTo(DType.FLOAT32);
            assertThat(info.parameterCount()).isEqualTo(net.parameterCount()).isEqualTo(47);
            assertThat(info.layers()).extracting(ModelInfo.Layer::type)
                    .containsExactly("Dense", "Tanh", "Dense", "ReLU", "Dense", "Activation", "Sigmoid");
            assertThat(info.layers().get(0).config()).isEqualTo(Config.builder().put("inputs", 5).put("outputs", 4).build());
            assertThat(info.tensors()).extracting(TensorInfo::name).containsExactly("layers.0.weight", "layers.0.bias",
                    "layers.2.weight", "layers.2.bias", "layers.4.weight", "layers.4.bias");
            assertThat(info.tensors().get(2).shape()).containsExactly(4L, 3L);
            assertThat(info.tensors().get(2).byteLength()).isEqualTo(48);
            assertThat(info.isCheckpoint()).isFalse();
            assertThat(info.metadata()).containsKey("nn4j.data_crc32c");
        }
    }

    @Test
    void aLayerWithoutARegisteredTypeCannotBeSavedAndTheErrorSaysHowToRegister() {
        Layer anonymous = new Layer() {
            @Override
            public Tensor forward(Tensor input, boolean training) {
                return input;
            }

            @Override
            public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
                return gradOutput;
            }
        };
        try (Network net = Network.of(new Sigmoid(), anonymous)) {
            assertThatThrownBy(() -> ModelFiles.toBytes(net)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no LayerType is registered for " + anonymous.getClass().getName())
                    .hasMessageContaining("META-INF/services/io.github.nn4j.api.persist.LayerType");
        }
    }

    @Test
    void aNetworkMixingDtypesCannotBeSaved() {
        try (Network net = Network.of(new Dense(be, DType.FLOAT32, 2, 3, io.github.nn4j.api.layer.WeightInit.HE_UNIFORM, 1),
                new Dense(be, DType.FLOAT64, 3, 1, io.github.nn4j.api.layer.WeightInit.HE_UNIFORM, 2))) {
            assertThatThrownBy(() -> ModelFiles.toBytes(net)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("mix FLOAT32 and FLOAT64");
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void tensorsLargerThanTheOneMebibyteReadChunkRoundTrip(DType dtype) throws Exception {
        Path file = dir.resolve("big.safetensors");
        try (Network net = Network.of(new Dense(be, dtype, 700, 500, io.github.nn4j.api.layer.WeightInit.HE_NORMAL, 3))) {
            ModelFiles.save(net, file);
            assertThat(Files.size(file)).isGreaterThan(dtype.bytes() * 350_000L);
            try (Network back = ModelFiles.load(file, be)) {
                // isEqualTo compares with Arrays.equals (bit for bit); containsExactly is quadratic on 350,000 values
                assertThat(TestModels.weights(back).get(0)).isEqualTo(TestModels.weights(net).get(0));
            }
        }
    }

    @Test
    void aNetworkWithoutParametersRoundTrips() throws Exception {
        try (Network net = Network.of(new Sigmoid()); Network back = ModelFiles.fromBytes(ModelFiles.toBytes(net), be)) {
            assertThat(TestModels.layerClasses(back)).containsExactly(Sigmoid.class);
        }
    }

    @Test
    void aSliceSavesItsLayersAlone() throws Exception {
        try (Network net = TestModels.network(be, DType.FLOAT32); Network encoder = net.slice(0, 2);
             Network back = ModelFiles.fromBytes(ModelFiles.toBytes(encoder), be)) {
            assertThat(back.layers()).hasSize(2);
            assertThat(TestModels.weights(back).get(0)).containsExactly(TestModels.weights(net).get(0));
        }
    }
}
