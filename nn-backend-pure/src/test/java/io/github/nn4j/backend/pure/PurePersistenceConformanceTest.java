package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.PersistenceConformanceTest;

/**
 * The shared model-file conformance suite (round trip, cross-backend loading, exact resume) on the pure backend as
 * this JVM selects it: scalar kernels in the default test run, SIMD kernels in the run with the Vector API module.
 */
class PurePersistenceConformanceTest extends PersistenceConformanceTest {
    private static final Backend BACKEND = new PureBackendProvider().create();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
