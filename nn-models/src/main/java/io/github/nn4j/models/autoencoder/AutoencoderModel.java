package io.github.nn4j.models.autoencoder;

import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.datasets.files.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A trained autoencoder as a model file (safetensors, written and read by nn-api's {@link ModelFiles}): the file's
 * bytes, their SHA-256, and the path it was read from, or {@code null} when the autoencoder was trained in this run.
 * Layers 0–3 of the file are the encoder (Dense, ReLU, Dense, ReLU), layers 4–7 the decoder.
 *
 * @param bytes      the model file's content (not copied: do not modify)
 * @param sha256     lower-case hex SHA-256 of {@code bytes}
 * @param loadedFrom where the file was read from, or {@code null}
 */
public record AutoencoderModel(byte[] bytes, String sha256, Path loadedFrom) {

    /** The model file of a network trained in this run. */
    public static AutoencoderModel of(Network network) {
        byte[] bytes = ModelFiles.toBytes(network);
        return new AutoencoderModel(bytes, sha256(bytes), null);
    }

    /**
     * Reads {@code file} and checks that it is a valid model file holding an MNIST-shaped autoencoder, without
     * creating tensors.
     *
     * @throws io.github.nn4j.api.persist.ModelFormatException naming the file and the problem when it is not
     */
    public static AutoencoderModel read(Path file) throws IOException {
        // validated from the file first (which reads only what the header describes), so that no path, not even a
        // device that never ends, makes this read more than a model file's bytes
        MnistAutoencoder.architecture(ModelFiles.inspect(file));
        byte[] bytes = Files.readAllBytes(file);
        return new AutoencoderModel(bytes, sha256(bytes), file);
    }

    /** Whether the autoencoder was read from a file rather than trained in this run. */
    public boolean loaded() {
        return loadedFrom != null;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
    }
}
