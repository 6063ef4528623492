package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.ModelConformanceTest;

/** The shared model conformance suite (gradients, training trajectories, XOR) on the ND4J backend. */
class Nd4jModelConformanceTest extends ModelConformanceTest {
    @Override
    protected Backend backend() {
        return Nd4jTestBackends.standard();
    }
}
