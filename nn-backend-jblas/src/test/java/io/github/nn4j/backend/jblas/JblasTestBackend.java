package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.testsupport.Requirement;

/**
 * The one jblas backend the tests of this module share. Where jblas cannot load (a platform it has no library
 * for), the tests that need it are skipped with the probe's reason, or fail when the run enforces
 * {@link Requirement#NATIVE} (CI on Linux x86-64 does).
 */
final class JblasTestBackend {
    private static Backend backend;

    private JblasTestBackend() {
    }

    static synchronized Backend get() {
        if (backend == null) {
            JblasBackendProvider provider = new JblasBackendProvider();
            Availability a = provider.probe();
            Requirement.NATIVE.check(a.isAvailable(), "jblas backend unavailable on this machine: " + a.reason());
            backend = provider.create();
        }
        return backend;
    }
}
