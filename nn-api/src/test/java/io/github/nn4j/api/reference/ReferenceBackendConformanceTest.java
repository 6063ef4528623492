package io.github.nn4j.api.reference;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.TensorConformanceTest;

/** Proves the conformance suite is passable and consistent: the naive reference backend must pass it. */
class ReferenceBackendConformanceTest extends TensorConformanceTest {
    private static final Backend BACKEND = new ReferenceBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
