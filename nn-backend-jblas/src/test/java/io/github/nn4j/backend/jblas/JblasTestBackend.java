package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.Backend;

/**
 * The one jblas backend the tests of this module share. The tests require the backend to be available: on a
 * machine without {@code libgfortran.so.5} they fail with the probe's reason rather than skip, because the build
 * (.ci/run) installs it.
 */
final class JblasTestBackend {
    private static Backend backend;

    private JblasTestBackend() {
    }

    static synchronized Backend get() {
        if (backend == null) {
            JblasBackendProvider provider = new JblasBackendProvider();
            Availability a = provider.probe();
            if (!a.isAvailable()) {
                throw new IllegalStateException("jblas backend unavailable on this machine: " + a.reason(),
                        a.cause().orElse(null));
            }
            backend = provider.create();
        }
        return backend;
    }
}
