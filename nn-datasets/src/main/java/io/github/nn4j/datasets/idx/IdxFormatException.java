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

    /**
     * A format error.
     *
     * @param file   the file
     * @param detail what is wrong, and where
     */
    public IdxFormatException(Path file, String detail) {
        super(file + ": " + detail);
        this.file = file;
    }

    /**
     * A format error with a cause.
     *
     * @param file   the file
     * @param detail what is wrong, and where
     * @param cause  the exception that revealed it (e.g. a damaged gzip stream)
     */
    public IdxFormatException(Path file, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
        this.file = file;
    }

    /**
     * The file the error is about.
     *
     * @return the path given when the file was read
     */
    public Path file() {
        return file;
    }
}
