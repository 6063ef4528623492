package io.github.nn4j.api.backend;

import io.github.nn4j.api.conformance.TensorConformanceTest;

/** Backend's default kernels, reached through copies, pass the shared tensor conformance suite. */
class StorageOnlyBackendTensorConformanceTest extends TensorConformanceTest {
    private static final Backend BACKEND = new StorageOnlyBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
