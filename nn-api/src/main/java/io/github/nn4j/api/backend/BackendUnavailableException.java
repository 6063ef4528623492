package io.github.nn4j.api.backend;

/**
 * Thrown when a requested backend does not exist or cannot run here. The message lists every backend
 * found and why each unavailable one failed.
 */
public class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A new exception with the full explanation as its message. */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
