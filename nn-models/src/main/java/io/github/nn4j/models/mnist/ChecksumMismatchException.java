package io.github.nn4j.models.mnist;

import java.io.IOException;

/**
 * Data whose SHA-256 digest is not the one expected for it. The message names the file (or the URL of a
 * download) and gives both the expected and the found digest.
 */
public class ChecksumMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String expected;
    private final String found;

    /** {@code source} (a file or URL) hashed to {@code found} instead of {@code expected} (lower-case hex). */
    public ChecksumMismatchException(String source, String expected, String found) {
        super(source + ": SHA-256 mismatch, expected " + expected + ", found " + found);
        this.source = source;
        this.expected = expected;
        this.found = found;
    }

    /** The file or URL that failed verification. */
    public String source() {
        return source;
    }

    /** The expected SHA-256, lower-case hex. */
    public String expected() {
        return expected;
    }

    /** The SHA-256 that was computed, lower-case hex. */
    public String found() {
        return found;
    }
}
