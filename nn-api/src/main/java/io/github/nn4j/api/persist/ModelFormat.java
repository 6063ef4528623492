package io.github.nn4j.api.persist;

import io.github.nn4j.api.tensor.DType;

/**
 * The names nn4j's model files use on top of safetensors (the README's "Model files" section is the user-facing
 * description; keep the two in step). Version 1 of the format:
 * <ul>
 *   <li>metadata {@code format} = {@code nn4j}, {@code nn4j.format_version} = {@code 1}, {@code nn4j.version},
 *       {@code nn4j.dtype} ({@code F32} or {@code F64}), {@code nn4j.architecture} (JSON:
 *       {@code {"layers":[{"type":...,"config":{...}}, ...]}}), {@code nn4j.data_crc32c} (CRC-32C of the data
 *       section, 8 hex digits); checkpoints add {@code nn4j.optimizer} (JSON: {@code {"type":...,"config":{...},
 *       "steps":n}}) and {@code nn4j.training} (JSON: {@code {"epoch":...,"seed":...,"batch_size":...,
 *       "shuffle":...,"samples":...}});</li>
 *   <li>tensors {@code layers.<i>.<role>} for the parameters of layer {@code i}, and for checkpoints
 *       {@code optimizer.layers.<i>.<role>.<state>} for the optimizer's state of that parameter.</li>
 * </ul>
 */
final class ModelFormat {
    static final String FORMAT_KEY = "format";
    static final String FORMAT = "nn4j";
    static final String FORMAT_VERSION_KEY = "nn4j.format_version";
    static final int FORMAT_VERSION = 1;
    static final String NN4J_VERSION_KEY = "nn4j.version";
    static final String DTYPE_KEY = "nn4j.dtype";
    static final String ARCHITECTURE_KEY = "nn4j.architecture";
    static final String CHECKSUM_KEY = "nn4j.data_crc32c";
    static final String OPTIMIZER_KEY = "nn4j.optimizer";
    static final String TRAINING_KEY = "nn4j.training";

    private ModelFormat() {
    }

    /** The tensor name of parameter {@code role} of layer {@code layer}. */
    static String parameterName(int layer, String role) {
        return "layers." + layer + "." + role;
    }

    /** The tensor name of the optimizer's state {@code state} for the parameter tensor {@code parameterName}. */
    static String stateName(String parameterName, String state) {
        return "optimizer." + parameterName + "." + state;
    }

    /** The safetensors dtype of an nn4j dtype. */
    static String dtypeName(DType dtype) {
        return dtype == DType.FLOAT32 ? "F32" : "F64";
    }

    /** The nn4j dtype of a safetensors dtype, or {@code null} when nn4j does not compute in it. */
    static DType dtype(String name) {
        switch (name) {
            case "F32": return DType.FLOAT32;
            case "F64": return DType.FLOAT64;
            default: return null;
        }
    }
}
