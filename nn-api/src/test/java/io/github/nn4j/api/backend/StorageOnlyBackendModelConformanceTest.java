package io.github.nn4j.api.backend;

import io.github.nn4j.api.conformance.ModelConformanceTest;

/** Backend's default kernels, reached through copies, pass the shared model conformance suite. */
class StorageOnlyBackendModelConformanceTest extends ModelConformanceTest {
    private static final Backend BACKEND = new StorageOnlyBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
