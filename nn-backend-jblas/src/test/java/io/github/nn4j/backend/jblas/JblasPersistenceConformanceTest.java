package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.PersistenceConformanceTest;

/** The shared model-file conformance suite (round trip, cross-backend loading, exact resume) on the jblas backend. */
class JblasPersistenceConformanceTest extends PersistenceConformanceTest {
    @Override
    protected Backend backend() {
        return JblasTestBackend.get();
    }
}
