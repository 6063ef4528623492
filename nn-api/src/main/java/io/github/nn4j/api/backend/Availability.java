package io.github.nn4j.api.backend;

import java.util.Optional;

/**
 * The result of {@link BackendProvider#probe()}: available, or unavailable with a human-readable reason
 * and optionally the exception behind it. Immutable.
 */
public final class Availability {
    private static final Availability AVAILABLE = new Availability(true, "available", null);

    private final boolean available;
    private final String reason;
    private final Throwable cause;

    private Availability(boolean available, String reason, Throwable cause) {
        this.available = available;
        this.reason = reason;
        this.cause = cause;
    }

    /** {@return the availability of a backend that works here} */
    public static Availability available() {
        return AVAILABLE;
    }

    /**
     * The backend does not work here, because of {@code reason} (say what is missing and how to fix it).
     *
     * @param reason what is missing and how to fix it
     * @param cause the exception that made the probe fail, or {@code null}
     * @return the availability of a backend that does not work here
     */
    public static Availability unavailable(String reason, Throwable cause) {
        return new Availability(false, reason, cause);
    }

    /** {@return whether the backend can be used} */
    public boolean isAvailable() {
        return available;
    }

    /** {@return "available", or why not} */
    public String reason() {
        return reason;
    }

    /** {@return the exception that made the probe fail, if any} */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    /**
     * Returns normally when available, else throws {@link BackendUnavailableException} naming the backend and
     * the reason, with the cause attached: for a provider's {@link BackendProvider#create()}.
     *
     * @param backendName the backend's name, for the message
     */
    public void requireAvailable(String backendName) {
        if (!available) {
            throw new BackendUnavailableException("Backend '" + backendName + "' is not available: " + reason, cause);
        }
    }

    @Override
    public String toString() {
        return reason;
    }
}
