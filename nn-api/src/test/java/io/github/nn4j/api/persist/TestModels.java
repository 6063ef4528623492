package io.github.nn4j.api.persist;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.ActivationLayer;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small networks and byte-level helpers for the model-file tests. */
final class TestModels {
    private TestModels() {
    }

    /** A 5-4-3-2 network using every standard layer type. */
    static Network network(Backend be, DType dtype) {
        return Network.of(new Dense(be, dtype, 5, 4, WeightInit.XAVIER_UNIFORM, 1), new Tanh(),
                new Dense(be, dtype, 4, 3, WeightInit.HE_NORMAL, 2), new ReLU(),
                new Dense(be, dtype, 3, 2, WeightInit.XAVIER_NORMAL, 3), new ActivationLayer(Activation.IDENTITY),
                new Sigmoid());
    }

    /** Every parameter's values, exactly, as doubles. */
    static List<double[]> weights(Network net) {
        List<double[]> out = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            out.add(p.value().toDoubleArray());
        }
        return out;
    }

    /** Every parameter's shape. */
    static List<Shape> shapes(Network net) {
        List<Shape> out = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            out.add(p.value().shape());
        }
        return out;
    }

    /** The layer classes, in order. */
    static List<Class<?>> layerClasses(Network net) {
        return net.layers().stream().<Class<?>>map(Object::getClass).toList();
    }

    /** Inputs for {@link #network}. */
    static Tensor inputs(Backend be, DType dtype, int n) {
        return be.randomUniform(dtype, Shape.of(n, 5), -2, 2, 99);
    }

    /** An unchecked cast, for JSON values of known structure. */
    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }

    /** The header length field of a file. */
    static long headerLength(byte[] file) {
        return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    /** The header text of a file. */
    static String header(byte[] file) {
        return new String(file, 8, (int) headerLength(file), StandardCharsets.UTF_8);
    }

    /** The data section of a file. */
    static byte[] data(byte[] file) {
        int start = 8 + (int) headerLength(file);
        byte[] d = new byte[file.length - start];
        System.arraycopy(file, start, d, 0, d.length);
        return d;
    }

    /** A file with this header text (length field computed) followed by {@code data}. */
    static byte[] file(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        return b.array();
    }

    /** {@code file} with its header length field set to {@code length}. */
    static byte[] withHeaderLength(byte[] file, long length) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong(0, length);
        return copy;
    }
}
