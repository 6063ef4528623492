package io.github.nn4j.api.reference;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.ConcurrentInferenceConformanceTest;

/** The shared concurrent-inference conformance suite on the naive reference backend. */
class ReferenceBackendConcurrentInferenceConformanceTest extends ConcurrentInferenceConformanceTest {
    @Override
    protected Backend backend() {
        return new ReferenceBackend();
    }
}
