package io.github.nn4j.datasets.idx;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An IDX file that cannot be read as what it claims to be: a wrong magic number, a truncated header or
 * payload, a dimension out of range, a label outside the allowed classes, or counts that disagree between
 * an image file and its label file. The message always names the file and says what was wrong and where
 * (an offset in the uncompressed stream, or expected versus found).
 */
public class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** A format error in {@code file}, described by {@code detail}. */
    public IdxFormatException(Path file, String detail) {
        super(file + ": " + detail);
        this.file = file;
    }

    /** A format error in {@code file}, described by {@code detail}, caused by {@code cause}. */
    public IdxFormatException(Path file, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
        this.file = file;
    }

    /** The file the error is about. */
    public Path file() {
        return file;
    }
}
