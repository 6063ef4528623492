package io.github.nn4j.api.persist;

import io.github.nn4j.api.network.TrainingProgress;
import io.github.nn4j.api.tensor.DType;
import java.util.List;
import java.util.Map;

/**
 * What a model file holds, as {@link ModelFiles#inspect} reports it after validating the file exactly as loading
 * does (container, metadata, architecture against the tensors, data checksum) but without creating tensors.
 *
 * @param source        the path, or the caller's name for bytes
 * @param size          the file's size in bytes
 * @param formatVersion the nn4j format version ({@code nn4j.format_version})
 * @param nn4jVersion   the nn4j version that wrote the file
 * @param dtype         the dtype of every tensor
 * @param layers        the architecture: each layer's type and configuration, in order
 * @param tensors       every tensor, in data order
 * @param parameterCount the number of trainable scalars (tensors {@code layers.*})
 * @param optimizer     for a checkpoint, its optimizer; otherwise {@code null}
 * @param training      for a checkpoint saved after {@code fit}, where training stood; otherwise {@code null}
 * @param metadata      the raw {@code __metadata__} entries, in file order
 */
public record ModelInfo(String source, long size, int formatVersion, String nn4jVersion, DType dtype,
                        List<Layer> layers, List<TensorInfo> tensors, long parameterCount, Optimizer optimizer,
                        TrainingProgress training, Map<String, String> metadata) {

    /**
     * Copies the collections.
     *
     * @param source the path, or the caller's name for bytes
     * @param size the file's size in bytes
     * @param formatVersion the nn4j format version ({@code nn4j.format_version})
     * @param nn4jVersion the nn4j version that wrote the file
     * @param dtype the dtype of every tensor
     * @param layers the architecture: each layer's type and configuration, in order
     * @param tensors every tensor, in data order
     * @param parameterCount the number of trainable scalars (tensors {@code layers.*})
     * @param optimizer for a checkpoint, its optimizer; otherwise {@code null}
     * @param training for a checkpoint saved after {@code fit}, where training stood; otherwise {@code null}
     * @param metadata the raw {@code __metadata__} entries, in file order
     */
    public ModelInfo {
        layers = List.copyOf(layers);
        tensors = List.copyOf(tensors);
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /** {@return whether the file is a training checkpoint (it holds optimizer state)} */
    public boolean isCheckpoint() {
        return optimizer != null;
    }

    /**
     * One layer of the architecture.
     *
     * @param type   the registered type name
     * @param config its configuration
     */
    public record Layer(String type, Config config) {
    }

    /**
     * The optimizer of a checkpoint.
     *
     * @param type   the registered type name
     * @param config its hyper-parameters
     * @param steps  the steps it had taken
     */
    public record Optimizer(String type, Config config, long steps) {
    }
}
