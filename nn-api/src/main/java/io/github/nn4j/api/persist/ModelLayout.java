package io.github.nn4j.api.persist;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingProgress;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model file checked against itself before any tensor is created: the safetensors container, the nn4j metadata,
 * the architecture (every layer type registered, every configuration valid), and the tensors against what the
 * architecture and the optimizer need (none missing, none left over, each of the model's dtype and the needed
 * shape). Only then are tensors allocated, each no larger than bytes the source really holds; building either
 * returns a complete network or, on any failure, frees what it created and throws.
 */
final class ModelLayout {
    private final ByteSource source;
    private final SafetensorsFile file;
    private final int formatVersion;
    private final DType dtype;
    private final List<LayerEntry> layers;
    private final OptimizerEntry optimizer;
    private final TrainingProgress training;
    private final Long checksum;

    /** A layer of the architecture, with the tensors of its parameters (in spec order). */
    private record LayerEntry(int index, LayerType<?> type, Config config, List<ParameterSpec> specs,
                              List<TensorInfo> tensors) {
    }

    /** The optimizer of a checkpoint; {@code state.get(p).get(s)} is state {@code s} of parameter {@code p}. */
    private record OptimizerEntry(OptimizerType<?> type, Config config, long steps, List<String> stateNames,
                                  List<List<TensorInfo>> state) {
    }

    private ModelLayout(ByteSource source, SafetensorsFile file, int formatVersion, DType dtype, List<LayerEntry> layers,
                        OptimizerEntry optimizer, TrainingProgress training, Long checksum) {
        this.source = source;
        this.file = file;
        this.formatVersion = formatVersion;
        this.dtype = dtype;
        this.layers = layers;
        this.optimizer = optimizer;
        this.training = training;
        this.checksum = checksum;
    }

    /** Reads and checks everything but the data, which {@link #verifyChecksum()} checks. */
    static ModelLayout read(ByteSource source) throws IOException {
        String name = source.name();
        SafetensorsFile file = SafetensorsFile.read(source);
        Map<String, String> meta = file.metadata();
        String format = meta.get(ModelFormat.FORMAT_KEY);
        if (!ModelFormat.FORMAT.equals(format)) {
            throw new ModelFormatException(name, format == null
                    ? "a safetensors file, but not an nn4j model: its metadata has no \"format\" entry, so there is no"
                            + " architecture to rebuild a network from"
                    : "a safetensors file written for \"" + format + "\", not an nn4j model (format \"nn4j\")");
        }
        int version = formatVersion(name, meta.get(ModelFormat.FORMAT_VERSION_KEY));
        DType dtype = modelDtype(name, meta.get(ModelFormat.DTYPE_KEY));
        Set<String> used = new HashSet<>();
        List<LayerEntry> layers = architecture(name, file, dtype, required(name, meta, ModelFormat.ARCHITECTURE_KEY), used);
        OptimizerEntry optimizer = null;
        if (meta.containsKey(ModelFormat.OPTIMIZER_KEY)) {
            optimizer = optimizer(name, file, dtype, meta.get(ModelFormat.OPTIMIZER_KEY), layers, used);
        }
        TrainingProgress training = null;
        if (meta.containsKey(ModelFormat.TRAINING_KEY)) {
            training = training(name, meta.get(ModelFormat.TRAINING_KEY));
        }
        if (used.size() != file.tensors().size()) {
            Set<String> extra = new LinkedHashSet<>(file.tensors().keySet());
            extra.removeAll(used);
            throw new ModelFormatException(name, extra.size() + " tensor(s) that the architecture"
                    + (optimizer == null ? "" : " and the optimizer") + " do not use: " + abbreviate(extra));
        }
        Long checksum = null;
        String crc = meta.get(ModelFormat.CHECKSUM_KEY);
        if (crc != null) {
            if (!crc.matches("[0-9a-f]{8}")) {
                throw new ModelFormatException(name, ModelFormat.CHECKSUM_KEY + " must be 8 lower-case hex digits, is \""
                        + crc + "\"");
            }
            checksum = Long.parseLong(crc, 16);
        }
        return new ModelLayout(source, file, version, dtype, layers, optimizer, training, checksum);
    }

    private static int formatVersion(String name, String value) throws ModelFormatException {
        if (value == null) {
            throw new ModelFormatException(name, "no " + ModelFormat.FORMAT_VERSION_KEY + " in the metadata");
        }
        int v;
        try {
            v = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ModelFormatException(name, ModelFormat.FORMAT_VERSION_KEY + " \"" + value + "\" is not a number");
        }
        if (v != ModelFormat.FORMAT_VERSION) {
            throw new ModelFormatException(name, "unsupported format version " + v + ": this nn4j ("
                    + Nn4jVersion.get() + ") reads version " + ModelFormat.FORMAT_VERSION
                    + (v > ModelFormat.FORMAT_VERSION ? "; the file was written by a newer nn4j" : ""));
        }
        return v;
    }

    private static DType modelDtype(String name, String value) throws ModelFormatException {
        String v = required(name, value, ModelFormat.DTYPE_KEY);
        DType dtype = ModelFormat.dtype(v);
        if (dtype == null) {
            throw new ModelFormatException(name, "the model's dtype " + v + " is not one nn4j reads (F32, F64)");
        }
        return dtype;
    }

    private static String required(String name, Map<String, String> meta, String key) throws ModelFormatException {
        return required(name, meta.get(key), key);
    }

    private static String required(String name, String value, String key) throws ModelFormatException {
        if (value == null) {
            throw new ModelFormatException(name, "no " + key + " in the metadata");
        }
        return value;
    }

    private static Map<String, Object> jsonObject(String name, String key, String text) throws ModelFormatException {
        Object json;
        try {
            json = JsonParser.parse(text);
        } catch (JsonSyntaxException e) {
            throw new ModelFormatException(name, key + " is malformed JSON: " + e.getMessage(), e);
        }
        return object(name, key, json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String name, String what, Object json) throws ModelFormatException {
        if (!(json instanceof Map)) {
            throw new ModelFormatException(name, what + " must be a JSON object");
        }
        return (Map<String, Object>) json;
    }

    /** Requires exactly {@code keys} in {@code json}. */
    private static void keys(String name, String what, Map<String, Object> json, String... keys)
            throws ModelFormatException {
        if (!json.keySet().equals(Set.of(keys))) {
            throw new ModelFormatException(name, what + " must have the keys " + List.of(keys) + ", has " + json.keySet());
        }
    }

    private static List<LayerEntry> architecture(String name, SafetensorsFile file, DType dtype, String text,
                                                 Set<String> used) throws ModelFormatException {
        String key = ModelFormat.ARCHITECTURE_KEY;
        Map<String, Object> json = jsonObject(name, key, text);
        keys(name, key, json, "layers");
        if (!(json.get("layers") instanceof List) || ((List<?>) json.get("layers")).isEmpty()) {
            throw new ModelFormatException(name, key + ": \"layers\" must be a non-empty list");
        }
        List<?> list = (List<?>) json.get("layers");
        TypeRegistry registry = TypeRegistry.get();
        List<LayerEntry> layers = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String where = "layer " + i;
            Map<String, Object> layer = object(name, key + ": " + where, list.get(i));
            keys(name, key + ": " + where, layer, "type", "config");
            if (!(layer.get("type") instanceof String)) {
                throw new ModelFormatException(name, key + ": " + where + ": \"type\" must be a string");
            }
            String typeName = (String) layer.get("type");
            LayerType<?> type = registry.layerType(typeName);
            if (type == null) {
                throw new ModelFormatException(name, where + " has type \"" + typeName + "\", which no registered"
                        + " LayerType provides (registered: " + String.join(", ", registry.layerTypeNames())
                        + "). Put the jar that provides it on the classpath, or implement"
                        + " io.github.nn4j.api.persist.LayerType for it and list the class in"
                        + " META-INF/services/io.github.nn4j.api.persist.LayerType");
            }
            where += " (" + typeName + ")";
            Config config;
            List<ParameterSpec> specs;
            try {
                config = Config.fromJson(object(name, key + ": " + where + ": config", layer.get("config")));
                specs = List.copyOf(type.parameters(config));
            } catch (RuntimeException e) {
                throw new ModelFormatException(name, where + ": invalid configuration "
                        + JsonWriter.write(layer.get("config")) + ": " + e.getMessage(), e);
            }
            List<TensorInfo> tensors = new ArrayList<>(specs.size());
            for (ParameterSpec spec : specs) {
                String tensorName = ModelFormat.parameterName(i, spec.role());
                tensors.add(tensor(name, file, dtype, tensorName, spec.shape(), where + " " + config, used));
            }
            layers.add(new LayerEntry(i, type, config, specs, tensors));
        }
        return layers;
    }

    /** The tensor {@code tensorName}, which must exist once, with the model's dtype and {@code shape}. */
    private static TensorInfo tensor(String name, SafetensorsFile file, DType dtype, String tensorName, Shape shape,
                                     String neededBy, Set<String> used) throws ModelFormatException {
        TensorInfo t = file.tensors().get(tensorName);
        if (t == null) {
            throw new ModelFormatException(name, "tensor " + tensorName + ", which " + neededBy + " needs, is missing");
        }
        if (!used.add(tensorName)) {
            throw new ModelFormatException(name, "tensor " + tensorName + " is claimed twice by " + neededBy);
        }
        if (ModelFormat.dtype(t.dtype()) == null) {
            throw new ModelFormatException(name, "tensor " + tensorName + " has dtype " + t.dtype()
                    + ", which nn4j does not read (it reads F32 and F64)");
        }
        if (ModelFormat.dtype(t.dtype()) != dtype) {
            throw new ModelFormatException(name, "tensor " + tensorName + " has dtype " + t.dtype() + ", but the model's"
                    + " dtype is " + ModelFormat.dtypeName(dtype));
        }
        int[] dims = shape.dims();
        boolean fits = t.shape().size() == dims.length;
        for (int d = 0; fits && d < dims.length; d++) {
            fits = t.shape().get(d) == dims[d];
        }
        if (!fits) {
            throw new ModelFormatException(name, "tensor " + tensorName + " has shape " + t.shape() + ", but "
                    + neededBy + " needs " + shape);
        }
        return t;
    }

    private static OptimizerEntry optimizer(String name, SafetensorsFile file, DType dtype, String text,
                                            List<LayerEntry> layers, Set<String> used) throws ModelFormatException {
        String key = ModelFormat.OPTIMIZER_KEY;
        Map<String, Object> json = jsonObject(name, key, text);
        keys(name, key, json, "type", "config", "steps");
        if (!(json.get("type") instanceof String)) {
            throw new ModelFormatException(name, key + ": \"type\" must be a string");
        }
        if (!(json.get("steps") instanceof Long) || (Long) json.get("steps") < 0) {
            throw new ModelFormatException(name, key + ": \"steps\" must be a non-negative integer");
        }
        String typeName = (String) json.get("type");
        TypeRegistry registry = TypeRegistry.get();
        OptimizerType<?> type = registry.optimizerType(typeName);
        if (type == null) {
            throw new ModelFormatException(name, "the optimizer has type \"" + typeName + "\", which no registered"
                    + " OptimizerType provides (registered: " + String.join(", ", registry.optimizerTypeNames())
                    + "). Implement io.github.nn4j.api.persist.OptimizerType for it and list the class in"
                    + " META-INF/services/io.github.nn4j.api.persist.OptimizerType");
        }
        Map<String, Object> configJson = object(name, key + ": config", json.get("config"));
        Config config;
        List<String> stateNames;
        try {
            config = Config.fromJson(configJson);
            try (Optimizer probe = createOptimizer(type, config)) {
                stateNames = List.copyOf(probe.stateNames());
            }
        } catch (RuntimeException e) {
            throw new ModelFormatException(name, "optimizer " + typeName + ": invalid configuration " + JsonWriter.write(configJson)
                    + ": " + e.getMessage(), e);
        }
        List<List<TensorInfo>> state = new ArrayList<>();
        for (LayerEntry layer : layers) {
            for (int p = 0; p < layer.specs().size(); p++) {
                String parameter = ModelFormat.parameterName(layer.index(), layer.specs().get(p).role());
                List<TensorInfo> forParameter = new ArrayList<>(stateNames.size());
                for (String s : stateNames) {
                    forParameter.add(tensor(name, file, dtype, ModelFormat.stateName(parameter, s),
                            layer.specs().get(p).shape(), "the optimizer's state of " + parameter, used));
                }
                state.add(forParameter);
            }
        }
        return new OptimizerEntry(type, config, (Long) json.get("steps"), stateNames, state);
    }

    private static Optimizer createOptimizer(OptimizerType<?> type, Config config) {
        Optimizer o = type.create(config);
        if (o == null) {
            throw new IllegalStateException(type.getClass().getName() + ".create returned null");
        }
        return o;
    }

    private static TrainingProgress training(String name, String text) throws ModelFormatException {
        String key = ModelFormat.TRAINING_KEY;
        Map<String, Object> json = jsonObject(name, key, text);
        keys(name, key, json, "epoch", "seed", "batch_size", "shuffle", "samples");
        try {
            Config c = Config.fromJson(json);
            return new TrainingProgress(c.getInt("epoch"), c.getLong("seed"), c.getInt("batch_size"),
                    c.getBoolean("shuffle"), c.getInt("samples"));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(name, key + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        return list.size() <= 5 ? String.join(", ", list)
                : String.join(", ", list.subList(0, 5)) + " and " + (list.size() - 5) + " more";
    }

    // ============================================================================================ results

    /** Checks the data against the file's CRC-32C, when it has one. */
    void verifyChecksum() throws IOException {
        if (checksum == null) {
            return;
        }
        long dataLength = source.size() - file.dataStart();
        long actual = TensorData.crc32c(source, file.dataStart(), dataLength);
        if (actual != checksum) {
            throw new ModelFormatException(source.name(), String.format("the tensor data does not match its checksum"
                    + " (%s %08x, computed %08x): the data was damaged, or changed after nn4j wrote it (remove the"
                    + " %s entry to load a file edited on purpose)", ModelFormat.CHECKSUM_KEY, checksum, actual,
                    ModelFormat.CHECKSUM_KEY));
        }
    }

    /** Whether the file holds optimizer state. */
    boolean isCheckpoint() {
        return optimizer != null;
    }

    /** The network, on {@code backend}; with the file's training progress when it has one. */
    Network network(Backend backend) throws IOException {
        List<Layer> built = new ArrayList<>(layers.size());
        List<Tensor> pending = new ArrayList<>();
        try {
            for (LayerEntry entry : layers) {
                for (int p = 0; p < entry.specs().size(); p++) {
                    pending.add(TensorData.read(source, file.dataStart(), entry.tensors().get(p), dtype,
                            entry.specs().get(p).shape(), backend));
                }
                Layer layer;
                try {
                    layer = entry.type().create(entry.config(), backend, dtype, List.copyOf(pending));
                } catch (RuntimeException e) {
                    throw new ModelFormatException(source.name(), "layer " + entry.index() + " (" + entry.type().name()
                            + "): cannot be built from configuration " + entry.config() + ": " + e.getMessage(), e);
                }
                pending.clear();
                built.add(layer);
                checkBuilt(entry, layer);
            }
            Network network = Network.of(built);
            network.restoreTrainingProgress(training);
            return network;
        } catch (IOException | RuntimeException | Error e) {
            pending.forEach(Tensor::close);
            built.forEach(Layer::close);
            throw e;
        }
    }

    private static void checkBuilt(LayerEntry entry, Layer layer) {
        List<Shape> actual = layer.parameters().stream().map(p -> p.value().shape()).toList();
        List<Shape> expected = entry.specs().stream().map(ParameterSpec::shape).toList();
        if (!actual.equals(expected)) {
            throw new IllegalStateException("layer type " + entry.type().name() + " built " + layer + " with parameters "
                    + actual + " from a configuration whose parameters(config) are " + expected);
        }
    }

    /** A new optimizer with the checkpoint's hyper-parameters, step count and state for {@code network}'s parameters. */
    Optimizer optimizer(Network network) throws IOException {
        Optimizer o = createOptimizer(optimizer.type(), optimizer.config());
        try {
            o.setSteps(optimizer.steps());
            List<Parameter> params = network.parameters();
            for (int p = 0; p < params.size(); p++) {
                for (int s = 0; s < optimizer.stateNames().size(); s++) {
                    TensorData.readInto(source, file.dataStart(), optimizer.state().get(p).get(s),
                            o.state(params.get(p), optimizer.stateNames().get(s)));
                }
            }
            return o;
        } catch (IOException | RuntimeException | Error e) {
            o.close();
            throw e;
        }
    }

    /** What the file holds. */
    ModelInfo info() {
        List<ModelInfo.Layer> ls = new ArrayList<>();
        long parameters = 0;
        for (LayerEntry l : layers) {
            ls.add(new ModelInfo.Layer(l.type().name(), l.config()));
            for (TensorInfo t : l.tensors()) {
                parameters += t.elementCount();
            }
        }
        ModelInfo.Optimizer opt = optimizer == null ? null
                : new ModelInfo.Optimizer(optimizer.type().name(), optimizer.config(), optimizer.steps());
        Map<String, String> meta = file.metadata();
        return new ModelInfo(source.name(), source.size(), formatVersion, meta.getOrDefault(ModelFormat.NN4J_VERSION_KEY,
                "unknown"), dtype, ls, new ArrayList<>(file.tensors().values()), parameters, opt, training, meta);
    }
}
