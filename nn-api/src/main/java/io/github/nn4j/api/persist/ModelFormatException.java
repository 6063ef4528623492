package io.github.nn4j.api.persist;

import java.io.IOException;

/**
 * A model file (or byte array, or stream) that nn4j cannot load: damaged, truncated, hostile, not a safetensors
 * file, not written for nn4j, of a newer format version, or naming a layer type that is not registered. The one
 * exception every such case ends in: loading never ends in an {@link OutOfMemoryError}, an index exception or a
 * partially built model. The message names the source and the problem, e.g.
 * {@code "model.safetensors: tensor layers.0.weight: data_offsets [0, 400] hold 400 bytes, but F32 [784, 128] needs
 * 401408"}.
 *
 * <p>It is an {@link IOException} because it is one more way reading a model can fail, next to a missing file or a
 * failing disk, and callers of {@code load} handle those already; like {@link java.util.zip.ZipException} for zip
 * archives, it says the bytes themselves are wrong.
 */
public class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    /** What was read: a path, or a name given for bytes or a stream. */
    private final String source;
    /** What is wrong, without the source. */
    private final String problem;

    /**
     * @param source  what was read: a path, or a caller-given name for bytes and streams
     * @param problem what is wrong, for a reader
     */
    public ModelFormatException(String source, String problem) {
        this(source, problem, null);
    }

    /**
     * The same, with the exception that revealed the problem.
     *
     * @param source what was read: a path, or a name given for bytes or a stream
     * @param problem what is wrong, without the source
     * @param cause the exception that revealed it, or {@code null}
     */
    public ModelFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** {@return what was read: a path, or a caller-given name for bytes and streams} */
    public String source() {
        return source;
    }

    /** {@return what is wrong, without the source} */
    public String problem() {
        return problem;
    }
}
