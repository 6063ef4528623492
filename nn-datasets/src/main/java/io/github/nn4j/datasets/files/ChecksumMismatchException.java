package io.github.nn4j.datasets.files;

import java.io.IOException;

/**
 * Data whose SHA-256 digest is not the one expected for it. The message names the file (or the URL of a
 * download), gives both the expected and the found digest and where the expected one comes from, and may end with
 * what to do about it.
 */
public class ChecksumMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file or URL. */
    private final String source;
    /** The expected SHA-256. */
    private final String expected;
    /** The SHA-256 computed. */
    private final String found;

    /**
     * {@code source} hashed to {@code found} instead of {@code expected}.
     *
     * @param source   the file or URL
     * @param expected the expected SHA-256, lower-case hex
     * @param found    the SHA-256 computed, lower-case hex
     */
    public ChecksumMismatchException(String source, String expected, String found) {
        this(source, expected, found, "");
    }

    /**
     * As {@link #ChecksumMismatchException(String, String, String)}, with a sentence or two after the digests, e.g.
     * where the expected digest comes from and how to repair the file.
     *
     * @param source   the file or URL
     * @param expected the expected SHA-256, lower-case hex
     * @param found    the SHA-256 computed, lower-case hex
     * @param detail   what to add to the message, or an empty string
     */
    public ChecksumMismatchException(String source, String expected, String found, String detail) {
        super(source + ": SHA-256 mismatch, expected " + expected + ", found " + found
                + (detail.isEmpty() ? "" : ". " + detail));
        this.source = source;
        this.expected = expected;
        this.found = found;
    }

    /**
     * The file or URL that failed verification.
     *
     * @return a path or URL, as given
     */
    public String source() {
        return source;
    }

    /**
     * The expected SHA-256.
     *
     * @return 64 lower-case hex digits
     */
    public String expected() {
        return expected;
    }

    /**
     * The SHA-256 that was computed.
     *
     * @return 64 lower-case hex digits
     */
    public String found() {
        return found;
    }
}
