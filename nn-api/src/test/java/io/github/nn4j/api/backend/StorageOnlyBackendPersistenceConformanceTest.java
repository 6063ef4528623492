package io.github.nn4j.api.backend;

import io.github.nn4j.api.conformance.PersistenceConformanceTest;

/** Backend's default kernels, reached through copies, pass the shared persistence conformance suite. */
class StorageOnlyBackendPersistenceConformanceTest extends PersistenceConformanceTest {
    private static final Backend BACKEND = new StorageOnlyBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
