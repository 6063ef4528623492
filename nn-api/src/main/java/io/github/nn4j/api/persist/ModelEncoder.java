package io.github.nn4j.api.persist;

import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingProgress;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/** Turns a network (and, for a checkpoint, its optimizer and training progress) into a model file. */
final class ModelEncoder {
    private ModelEncoder() {
    }

    /** Writes the model file of {@code network}, with {@code optimizer}'s state when it is not {@code null}. */
    static void write(Network network, Optimizer optimizer, OutputStream out) throws IOException {
        TypeRegistry registry = TypeRegistry.get();
        DType dtype = dtypeOf(network);
        String dtypeName = ModelFormat.dtypeName(dtype);
        List<SafetensorsWriter.Entry> tensors = new ArrayList<>();
        List<String> parameterNames = new ArrayList<>();
        List<Object> layers = new ArrayList<>();
        List<Layer> networkLayers = network.layers();
        for (int i = 0; i < networkLayers.size(); i++) {
            Layer layer = networkLayers.get(i);
            LayerType<Layer> type = layerType(registry, layer);
            Config config = type.config(layer);
            List<ParameterSpec> specs = type.parameters(config);
            List<Parameter> params = layer.parameters();
            if (!shapesOf(params).equals(specs.stream().map(ParameterSpec::shape).toList())) {
                throw new IllegalStateException("layer type " + type.name() + " (" + type.getClass().getName()
                        + ") describes the parameters of " + layer + " as " + specs + ", but the layer has "
                        + shapesOf(params));
            }
            for (int p = 0; p < specs.size(); p++) {
                String name = ModelFormat.parameterName(i, specs.get(p).role());
                parameterNames.add(name);
                tensors.add(entry(name, dtypeName, params.get(p).value()));
            }
            Map<String, Object> layerJson = new LinkedHashMap<>();
            layerJson.put("type", type.name());
            layerJson.put("config", config.toJson());
            layers.add(layerJson);
        }

        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ModelFormat.FORMAT_KEY, ModelFormat.FORMAT);
        metadata.put(ModelFormat.FORMAT_VERSION_KEY, Integer.toString(ModelFormat.FORMAT_VERSION));
        metadata.put(ModelFormat.NN4J_VERSION_KEY, Nn4jVersion.get());
        metadata.put(ModelFormat.DTYPE_KEY, dtypeName);
        metadata.put(ModelFormat.ARCHITECTURE_KEY, JsonWriter.write(Map.of("layers", layers)));
        if (optimizer != null) {
            OptimizerType<Optimizer> type = optimizerType(registry, optimizer);
            Map<String, Object> optimizerJson = new LinkedHashMap<>();
            optimizerJson.put("type", type.name());
            optimizerJson.put("config", type.config(optimizer).toJson());
            optimizerJson.put("steps", optimizer.steps());
            metadata.put(ModelFormat.OPTIMIZER_KEY, JsonWriter.write(optimizerJson));
            List<Parameter> params = network.parameters();
            for (int p = 0; p < params.size(); p++) {
                for (String state : optimizer.stateNames()) {
                    tensors.add(entry(ModelFormat.stateName(parameterNames.get(p), state), dtypeName,
                            optimizer.state(params.get(p), state)));
                }
            }
            TrainingProgress progress = network.trainingProgress();
            if (progress != null) {
                Map<String, Object> training = new LinkedHashMap<>();
                training.put("epoch", progress.epoch());
                training.put("seed", progress.seed());
                training.put("batch_size", progress.batchSize());
                training.put("shuffle", progress.shuffle());
                training.put("samples", progress.samples());
                metadata.put(ModelFormat.TRAINING_KEY, JsonWriter.write(training));
            }
        }
        CRC32C crc = new CRC32C();
        for (SafetensorsWriter.Entry t : tensors) {
            crc.update(t.data());
        }
        metadata.put(ModelFormat.CHECKSUM_KEY, String.format("%08x", crc.getValue()));
        SafetensorsWriter.write(metadata, tensors, out);
    }

    private static SafetensorsWriter.Entry entry(String name, String dtype, io.github.nn4j.api.tensor.Tensor t) {
        List<Long> shape = new ArrayList<>();
        for (int d : t.shape().dims()) {
            shape.add((long) d);
        }
        return new SafetensorsWriter.Entry(name, dtype, shape, TensorData.encode(t));
    }

    private static List<Shape> shapesOf(List<Parameter> params) {
        return params.stream().map(p -> p.value().shape()).toList();
    }

    /** The one dtype of every parameter; FLOAT32 for a network without parameters. */
    private static DType dtypeOf(Network network) {
        DType dtype = null;
        for (Parameter p : network.parameters()) {
            if (dtype == null) {
                dtype = p.value().dtype();
            } else if (p.value().dtype() != dtype) {
                throw new IllegalArgumentException("cannot save " + network + ": its parameters mix " + dtype + " and "
                        + p.value().dtype() + " (" + p.name() + "); a model file holds one dtype");
            }
        }
        return dtype == null ? DType.FLOAT32 : dtype;
    }

    @SuppressWarnings("unchecked")
    private static LayerType<Layer> layerType(TypeRegistry registry, Layer layer) {
        LayerType<?> type = registry.layerTypeFor(layer.getClass());
        if (type == null) {
            throw new IllegalArgumentException("cannot save layer " + layer + ": no LayerType is registered for "
                    + layer.getClass().getName() + "; implement io.github.nn4j.api.persist.LayerType for it and list"
                    + " the implementation in META-INF/services/io.github.nn4j.api.persist.LayerType");
        }
        return (LayerType<Layer>) type;
    }

    @SuppressWarnings("unchecked")
    private static OptimizerType<Optimizer> optimizerType(TypeRegistry registry, Optimizer optimizer) {
        OptimizerType<?> type = registry.optimizerTypeFor(optimizer.getClass());
        if (type == null) {
            throw new IllegalArgumentException("cannot save the state of " + optimizer + ": no OptimizerType is"
                    + " registered for " + optimizer.getClass().getName() + "; implement"
                    + " io.github.nn4j.api.persist.OptimizerType for it and list the implementation in"
                    + " META-INF/services/io.github.nn4j.api.persist.OptimizerType");
        }
        return (OptimizerType<Optimizer>) type;
    }
}
