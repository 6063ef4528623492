package io.github.nn4j.api.persist;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.optim.Optimizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Saves and loads {@link Network}s, and training checkpoints, as safetensors files that other tools can read.
 *
 * <pre>{@code
 * ModelFiles.save(net, Path.of("model.safetensors"));               // weights + architecture
 * try (Network again = ModelFiles.load(Path.of("model.safetensors"), Backends.get("nd4j"))) { ... }
 * byte[] bytes = ModelFiles.toBytes(net);                           // the same file in memory (e.g. to ship it)
 * ModelFiles.save(net, optimizer, Path.of("run.ckpt.safetensors")); // checkpoint: + optimizer state and progress
 * }</pre>
 *
 * <h2>The file</h2>
 * A safetensors file: tensors {@code layers.<i>.<role>} (a {@code Dense} layer's {@code weight} is
 * {@code [inputs, outputs]} as in {@code Z = XW + b}, its {@code bias} {@code [1, outputs]}) in the network's
 * dtype, F32 or F64, and metadata naming the format ({@code format} = {@code nn4j}, {@code nn4j.format_version}),
 * the nn4j version, the dtype, the architecture as JSON (each layer's registered {@link LayerType} name and
 * configuration, in order) and a CRC-32C of the data. A checkpoint adds the optimizer ({@link OptimizerType} name,
 * hyper-parameters, step count), its state tensors {@code optimizer.layers.<i>.<role>.<state>} and the
 * {@link io.github.nn4j.api.network.TrainingProgress}. The README's "Model files" section documents the layout,
 * with a NumPy reader.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Values are stored exactly: a network loaded on the backend that saved it computes bit-identical results;
 *       on another backend, within that backend's conformance tolerance.</li>
 *   <li>Saving to a path is atomic: the file appears complete under its name, or the old file stays (see the
 *       package description).</li>
 *   <li>Loading validates the whole file before it creates any tensor, allocates nothing beyond what the bytes
 *       really hold, and ends every problem with the file (damaged, truncated, hostile, foreign, a newer format
 *       version, an unregistered layer type) in a {@link ModelFormatException} naming the source and the problem;
 *       it returns a complete network or nothing.</li>
 * </ul>
 * Layers and optimizers take part through their registered types: saving a layer of a class without a registered
 * {@link LayerType} is an {@link IllegalArgumentException}. Thread-safe (no shared state besides the type registry);
 * a network must not be trained while it is being saved.
 */
public final class ModelFiles {
    /** The name used in error messages for byte arrays and streams the caller does not name. */
    public static final String UNNAMED = "<model bytes>";

    private ModelFiles() {
    }

    // ============================================================================================ saving

    /**
     * Saves {@code network} (architecture and weights) to {@code file}, atomically, replacing any file there.
     *
     * @param network the network to save
     * @param file the file to write (replaced if it exists)
     * @throws IOException if the file cannot be written (the previous file, if any, is then left as it was)
     */
    public static void save(Network network, Path file) throws IOException {
        Objects.requireNonNull(network, "network");
        AtomicFile.write(file, out -> ModelEncoder.write(network, null, out));
    }

    /**
     * Saves a training checkpoint to {@code file}, atomically: the network, {@code optimizer}'s hyper-parameters,
     * step count and state for the network's parameters, and the network's
     * {@linkplain Network#trainingProgress() training progress}. An optimizer that has not stepped yet is saved with
     * its zero state (creating it).
     *
     * @param network the network to save
     * @param optimizer the optimizer that trains {@code network}
     * @param file the file to write (replaced if it exists)
     * @throws IOException if the file cannot be written (the previous file, if any, is then left as it was)
     */
    public static void save(Network network, Optimizer optimizer, Path file) throws IOException {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(optimizer, "optimizer");
        AtomicFile.write(file, out -> ModelEncoder.write(network, optimizer, out));
    }

    /**
     * Writes the model file of {@code network} to {@code out} (not closed).
     *
     * @param network the network
     * @param out the stream to write to; not closed
     * @throws IOException if the stream cannot be written
     */
    public static void write(Network network, OutputStream out) throws IOException {
        ModelEncoder.write(Objects.requireNonNull(network, "network"), null, out);
    }

    /**
     * Writes the checkpoint of {@code network} and {@code optimizer} to {@code out} (not closed).
     *
     * @param network the network
     * @param optimizer the optimizer that trains {@code network}
     * @param out the stream to write to; not closed
     * @throws IOException if the stream cannot be written
     */
    public static void write(Network network, Optimizer optimizer, OutputStream out) throws IOException {
        ModelEncoder.write(Objects.requireNonNull(network, "network"), Objects.requireNonNull(optimizer, "optimizer"), out);
    }

    /**
     * {@return the model file of {@code network}, in memory}
     *
     * @param network the network
     */
    public static byte[] toBytes(Network network) {
        return bytes(network, null);
    }

    /**
     * {@return the checkpoint of {@code network} and {@code optimizer}, in memory}
     *
     * @param network the network
     * @param optimizer the optimizer that trains {@code network}
     */
    public static byte[] toBytes(Network network, Optimizer optimizer) {
        return bytes(Objects.requireNonNull(network, "network"), Objects.requireNonNull(optimizer, "optimizer"));
    }

    private static byte[] bytes(Network network, Optimizer optimizer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelEncoder.write(Objects.requireNonNull(network, "network"), optimizer, out);
        } catch (IOException e) {
            throw new AssertionError("a ByteArrayOutputStream does not fail", e);
        }
        return out.toByteArray();
    }

    // ============================================================================================ loading

    /**
     * Loads the network in {@code file} onto the default backend ({@link Backends#get()}).
     *
     * @param file a model file or checkpoint
     * @return the network, owned by the caller
     * @throws IOException if the file cannot be read, or is not a valid model file ({@link ModelFormatException},
     *     naming the file and the problem)
     */
    public static Network load(Path file) throws IOException {
        return load(file, Backends.get());
    }

    /**
     * Loads the network in {@code file} onto {@code backend}. A checkpoint loads too (its optimizer is ignored).
     *
     * @param file a model file or checkpoint
     * @param backend the backend of the network's tensors
     * @return the network, owned by the caller
     * @throws IOException if the file cannot be read, or is not a valid model file ({@link ModelFormatException},
     *     naming the file and the problem)
     */
    public static Network load(Path file, Backend backend) throws IOException {
        Objects.requireNonNull(backend, "backend");
        try (ByteSource source = ByteSource.of(file)) {
            return network(source, backend);
        }
    }

    /**
     * Loads the network in {@code bytes} (a model file's content) onto {@code backend}.
     *
     * @param bytes a model file's content
     * @param backend the backend of the network's tensors
     * @return the network, owned by the caller
     * @throws ModelFormatException if the bytes are not a valid model file; the message names {@code name} and the
     *     problem
     */
    public static Network fromBytes(byte[] bytes, Backend backend) throws ModelFormatException {
        return fromBytes(bytes, backend, UNNAMED);
    }

    /**
     * The same, naming the bytes {@code name} in error messages.
     *
     * @param bytes a model file's content
     * @param backend the backend of the network's tensors
     * @param name what to call the bytes in error messages
     * @return the network, owned by the caller
     * @throws ModelFormatException if the bytes are not a valid model file; the message names {@code name} and the
     *     problem
     */
    public static Network fromBytes(byte[] bytes, Backend backend, String name) throws ModelFormatException {
        Objects.requireNonNull(backend, "backend");
        try {
            return network(ByteSource.of(bytes, name), backend);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AssertionError("reading a byte array does not fail but for its content", e);
        }
    }

    /**
     * Reads a model file from {@code in} (up to its end, which must be the file's end; not closed) and loads the
     * network onto {@code backend}. A stream is read into memory, so it is limited to 2 GiB; load larger models
     * from a path.
     *
     * @param in the stream, read to its end; not closed
     * @param backend the backend of the network's tensors
     * @param name what to call the stream in error messages
     * @return the network, owned by the caller
     * @throws IOException if the stream cannot be read, or does not hold a valid model file
     *     ({@link ModelFormatException})
     */
    public static Network read(InputStream in, Backend backend, String name) throws IOException {
        return fromBytes(readAll(in, name), backend, name);
    }

    /**
     * Loads a checkpoint: the network, the optimizer with its state, and the training progress.
     *
     * @param file a checkpoint file
     * @param backend the backend of the tensors
     * @return the checkpoint, owned by the caller
     * @throws IOException if the file cannot be read, or is not a valid checkpoint ({@link ModelFormatException})
     */
    public static Checkpoint loadCheckpoint(Path file, Backend backend) throws IOException {
        Objects.requireNonNull(backend, "backend");
        try (ByteSource source = ByteSource.of(file)) {
            return checkpoint(source, backend);
        }
    }

    /**
     * Loads a checkpoint from {@code bytes}, named {@code name} in error messages.
     *
     * @param bytes a checkpoint file's content
     * @param backend the backend of the tensors
     * @param name what to call the bytes in error messages
     * @return the checkpoint, owned by the caller
     * @throws ModelFormatException if the bytes are not a valid checkpoint; the message names {@code name} and the
     *     problem
     */
    public static Checkpoint checkpointFromBytes(byte[] bytes, Backend backend, String name) throws ModelFormatException {
        Objects.requireNonNull(backend, "backend");
        try {
            return checkpoint(ByteSource.of(bytes, name), backend);
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AssertionError("reading a byte array does not fail but for its content", e);
        }
    }

    /**
     * Validates {@code file} as {@link #load} does, without creating tensors, and describes it.
     *
     * @param file a model file or checkpoint
     * @return what the file holds: format, versions, architecture, tensors, and for a checkpoint its optimizer and
     *     progress
     * @throws IOException if the file cannot be read, or is not a valid model file ({@link ModelFormatException})
     */
    public static ModelInfo inspect(Path file) throws IOException {
        try (ByteSource source = ByteSource.of(file)) {
            ModelLayout layout = ModelLayout.read(source);
            layout.verifyChecksum();
            return layout.info();
        }
    }

    /**
     * Validates {@code bytes} as {@link #fromBytes} does, without creating tensors, and describes them.
     *
     * @param bytes a model file's content
     * @param name what to call the bytes in error messages
     * @return what the file holds: format, versions, architecture, tensors, and for a checkpoint its optimizer and
     *     progress
     * @throws ModelFormatException if the bytes are not a valid model file; the message names {@code name} and the
     *     problem
     */
    public static ModelInfo inspect(byte[] bytes, String name) throws ModelFormatException {
        try {
            ModelLayout layout = ModelLayout.read(ByteSource.of(bytes, name));
            layout.verifyChecksum();
            return layout.info();
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AssertionError("reading a byte array does not fail but for its content", e);
        }
    }

    private static Network network(ByteSource source, Backend backend) throws IOException {
        ModelLayout layout = ModelLayout.read(source);
        layout.verifyChecksum();
        return layout.network(backend);
    }

    private static Checkpoint checkpoint(ByteSource source, Backend backend) throws IOException {
        ModelLayout layout = ModelLayout.read(source);
        if (!layout.isCheckpoint()) {
            throw new ModelFormatException(source.name(), "a model without optimizer state, not a checkpoint (load it"
                    + " with ModelFiles.load, or save checkpoints with ModelFiles.save(network, optimizer, path))");
        }
        layout.verifyChecksum();
        Network network = layout.network(backend);
        try {
            return new Checkpoint(network, layout.optimizer(network));
        } catch (IOException | RuntimeException | Error e) {
            network.close();
            throw e;
        }
    }

    /**
     * The bytes of a model file from a stream: the header length, the header, and exactly the data the header
     * describes, each read as it arrives (a stream that ends early or goes on forever never makes this allocate
     * more than it delivered, up to the header's limit and 2 GiB).
     */
    private static byte[] readAll(InputStream in, String name) throws IOException {
        byte[] prefix = in.readNBytes(8);
        if (prefix.length < 8) {
            throw new ModelFormatException(name, "the stream ended after " + prefix.length
                    + " bytes, before the 8-byte header length");
        }
        long n = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 0 || n > SafetensorsFile.MAX_HEADER_BYTES) {
            throw new ModelFormatException(name, "header length " + Long.toUnsignedString(n)
                    + " bytes exceeds the limit of " + SafetensorsFile.MAX_HEADER_BYTES + " bytes");
        }
        byte[] header = in.readNBytes((int) n);
        if (header.length < n) {
            throw new ModelFormatException(name, "truncated: the stream ended " + header.length + " bytes into a header of "
                    + n + " bytes");
        }
        long dataLength = SafetensorsFile.dataLength(name, header);
        if (dataLength > Integer.MAX_VALUE - 16 - n) {
            throw new ModelFormatException(name, "the header describes " + dataLength + " bytes of tensor data, more"
                    + " than a stream can be read into memory (2 GiB); load it from a file");
        }
        byte[] data = in.readNBytes((int) dataLength);
        if (data.length < dataLength) {
            throw new ModelFormatException(name, "truncated: the stream ended after " + data.length + " of the "
                    + dataLength + " data bytes its header describes");
        }
        if (in.read() >= 0) {
            throw new ModelFormatException(name, "the stream goes on after the " + dataLength
                    + " data bytes its header describes (trailing bytes)");
        }
        byte[] all = new byte[(int) (8 + n + dataLength)];
        System.arraycopy(prefix, 0, all, 0, 8);
        System.arraycopy(header, 0, all, 8, (int) n);
        System.arraycopy(data, 0, all, (int) (8 + n), data.length);
        return all;
    }
}
