package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.ConcurrentInferenceConformanceTest;

/** The shared concurrent-inference conformance suite on the ND4J backend. */
class Nd4jConcurrentInferenceConformanceTest extends ConcurrentInferenceConformanceTest {
    @Override
    protected Backend backend() {
        return Nd4jTestBackends.standard();
    }
}
