package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.ConcurrentInferenceConformanceTest;

/** The shared concurrent-inference conformance suite on the jblas backend. */
class JblasConcurrentInferenceConformanceTest extends ConcurrentInferenceConformanceTest {
    @Override
    protected Backend backend() {
        return JblasTestBackend.get();
    }
}
