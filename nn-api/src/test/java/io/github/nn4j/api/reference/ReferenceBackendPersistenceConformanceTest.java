package io.github.nn4j.api.reference;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.PersistenceConformanceTest;

/** The model-file conformance suite on the reference backend itself, which shows the suite is right. */
class ReferenceBackendPersistenceConformanceTest extends PersistenceConformanceTest {
    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }
}
