package io.github.nn4j.api.backend;

/**
 * Thrown when a requested backend does not exist or cannot run here. The message lists every backend
 * found and why each unavailable one failed.
 */
public class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A new exception with the full explanation as its message.
     *
     * @param message the full explanation: the backend, why it is unavailable, the backends found
     * @param cause the exception that made the probe fail, or {@code null}
     */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
