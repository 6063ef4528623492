package io.github.nn4j.api.backend;

/**
 * Service-provider interface through which {@link Backends} finds a backend.
 *
 * <p>A backend module registers its implementation in
 * {@code META-INF/services/io.github.nn4j.api.backend.BackendProvider}. It needs a public no-argument
 * constructor that does no heavy work: native libraries are loaded in {@link #probe()}, not before.
 *
 * <p>Call order, done by {@link Backends}: {@link #name()} and {@link #priority()} any time;
 * {@link #probe()} at most once per JVM; {@link #create()} only after a probe reported available, at most
 * once per JVM (the backend is then shared). Implementations must be thread-safe for that order.
 */
public interface BackendProvider {

    /** {@return the backend's selection name: lower case, no spaces, unique (e.g. {@code "pure"})} */
    String name();

    /**
     * {@return the rank among available backends when none is named: the highest wins} The built-in backends use values
     * chosen by measurement and documented in the README; third parties should stay below 1000 unless they mean to take
     * over by default.
     */
    int priority();

    /**
     * Checks that the backend can run here: loads native libraries and runs a tiny computation. Must not
     * throw: failures (including {@link LinkageError}s) are reported as {@link Availability#unavailable}
     * with a reason that says what is missing and how to fix it.
     *
     * @return {@link Availability#available()}, or why the backend does not work here
     */
    Availability probe();

    /**
     * Creates the backend. Called only after {@link #probe()} reported it available.
     *
     * @return the backend, which the JVM then shares
     */
    Backend create();
}
