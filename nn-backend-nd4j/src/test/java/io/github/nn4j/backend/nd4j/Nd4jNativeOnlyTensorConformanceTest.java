package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.TensorConformanceTest;

/** The shared tensor conformance suite on the ND4J backend with every kernel an ND4J op (the GPU code path). */
class Nd4jNativeOnlyTensorConformanceTest extends TensorConformanceTest {
    @Override
    protected Backend backend() {
        return Nd4jTestBackends.nativeOnly();
    }
}
