package io.github.nn4j.api.persist;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Network} used as a layer of another network, as type {@code Network}: configuration {@code layers}, the
 * list of its layers as {@code {"type": ..., "config": ...}} objects (the form of the file's architecture);
 * parameters those of its layers in order, with roles {@code layers.<i>.<role>}, so that the tensors of a network
 * nested at position 3 are named {@code layers.3.layers.0.weight} and so on. Nesting depth is bounded by the JSON
 * reader's depth limit.
 */
public final class NetworkType implements LayerType<Network> {
    private static final String LAYERS = "layers";
    private static final String TYPE = "type";
    private static final String CONFIG = "config";

    /** For {@link java.util.ServiceLoader}. */
    public NetworkType() {
    }

    @Override
    public String name() {
        return "Network";
    }

    @Override
    public Class<Network> layerClass() {
        return Network.class;
    }

    @Override
    public Config config(Network network) {
        List<Config> layers = new ArrayList<>();
        for (Layer layer : network.layers()) {
            LayerType<Layer> type = typeOf(layer);
            layers.add(Config.builder().put(TYPE, type.name()).put(CONFIG, type.config(layer)).build());
        }
        return Config.builder().put(LAYERS, layers).build();
    }

    @Override
    public List<ParameterSpec> parameters(Config config) {
        List<ParameterSpec> specs = new ArrayList<>();
        List<Entry> entries = entries(config);
        for (int i = 0; i < entries.size(); i++) {
            for (ParameterSpec spec : entries.get(i).type().parameters(entries.get(i).config())) {
                specs.add(new ParameterSpec(LAYERS + "." + i + "." + spec.role(), spec.shape()));
            }
        }
        return specs;
    }

    @Override
    public Network create(Config config, Backend backend, DType dtype, List<Tensor> parameters) {
        List<Entry> entries = entries(config);
        List<Layer> layers = new ArrayList<>(entries.size());
        int next = 0;
        try {
            for (Entry e : entries) {
                int count = e.type().parameters(e.config()).size();
                layers.add(e.type().create(e.config(), backend, dtype, parameters.subList(next, next + count)));
                next += count;
            }
        } catch (RuntimeException failure) {
            layers.forEach(Layer::close);
            throw failure;
        }
        return Network.of(layers);
    }

    private record Entry(LayerType<?> type, Config config) {
    }

    private static List<Entry> entries(Config config) {
        config.requireOnly(LAYERS);
        List<Object> list = config.getList(LAYERS);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("a nested network needs at least one layer");
        }
        List<Entry> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Config layer)) {
                throw new IllegalArgumentException("layers[" + i + "] is not an object with \"type\" and \"config\"");
            }
            layer.requireOnly(TYPE, CONFIG);
            String typeName = layer.getString(TYPE);
            LayerType<?> type = TypeRegistry.get().layerType(typeName);
            if (type == null) {
                throw new IllegalArgumentException("layers[" + i + "] has type \"" + typeName + "\", which no "
                        + "registered LayerType serves (register one in META-INF/services/"
                        + LayerType.class.getName() + ")");
            }
            entries.add(new Entry(type, layer.getConfig(CONFIG)));
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static LayerType<Layer> typeOf(Layer layer) {
        LayerType<?> type = TypeRegistry.get().layerTypeFor(layer.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no LayerType is registered for " + layer.getClass().getName()
                    + " (layer " + layer + " of a nested network); register one in META-INF/services/"
                    + LayerType.class.getName());
        }
        return (LayerType<Layer>) type;
    }
}
