package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.TensorConformanceTest;

/** The shared tensor conformance suite on the ND4J backend as users get it (small work in Java, large work as ND4J ops). */
class Nd4jTensorConformanceTest extends TensorConformanceTest {
    @Override
    protected Backend backend() {
        return Nd4jTestBackends.standard();
    }
}
