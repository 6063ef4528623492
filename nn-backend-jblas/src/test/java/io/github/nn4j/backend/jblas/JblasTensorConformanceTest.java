package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.TensorConformanceTest;

/** The shared tensor conformance suite, run on the jblas backend. */
class JblasTensorConformanceTest extends TensorConformanceTest {
    @Override
    protected Backend backend() {
        return JblasTestBackend.get();
    }
}
