package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.PersistenceConformanceTest;

/** The shared model-file conformance suite (round trip, cross-backend loading, exact resume) on the ND4J backend. */
class Nd4jPersistenceConformanceTest extends PersistenceConformanceTest {
    @Override
    protected Backend backend() {
        return Nd4jTestBackends.standard();
    }
}
