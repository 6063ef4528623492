package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.ModelConformanceTest;

/** The shared model conformance suite (gradients, training trajectories, XOR), run on the jblas backend. */
class JblasModelConformanceTest extends ModelConformanceTest {
    @Override
    protected Backend backend() {
        return JblasTestBackend.get();
    }
}
