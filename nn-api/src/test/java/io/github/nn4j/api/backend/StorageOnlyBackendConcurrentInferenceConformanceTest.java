package io.github.nn4j.api.backend;

import io.github.nn4j.api.conformance.ConcurrentInferenceConformanceTest;

/** Backend's default kernels, reached through copies, pass the shared concurrent-inference conformance suite. */
class StorageOnlyBackendConcurrentInferenceConformanceTest extends ConcurrentInferenceConformanceTest {
    private static final Backend BACKEND = new StorageOnlyBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
