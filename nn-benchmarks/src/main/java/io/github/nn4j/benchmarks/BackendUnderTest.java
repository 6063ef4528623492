package io.github.nn4j.benchmarks;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendUnavailableException;
import io.github.nn4j.api.backend.Backends;

/**
 * Looks up the backend a benchmark's {@code backend} parameter names.
 *
 * <p>A backend that is missing or cannot run here makes the benchmark's setup fail with an
 * {@link IllegalStateException} that names the backend and the reason; JMH reports it and goes on with the
 * next benchmark, and the report marks that backend unavailable.
 */
public final class BackendUnderTest {
    private BackendUnderTest() {
    }

    /** The backend called {@code name}, or an exception explaining why it cannot be benchmarked here. */
    public static Backend named(String name) {
        try {
            return Backends.get(name);
        } catch (BackendUnavailableException e) {
            throw new IllegalStateException("Skipping the benchmark: backend '" + name + "' is unavailable here. "
                    + e.getMessage(), e);
        }
    }
}
