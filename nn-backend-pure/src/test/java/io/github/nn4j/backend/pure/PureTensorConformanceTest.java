package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.TensorConformanceTest;

/**
 * The shared tensor conformance suite on the pure backend as this JVM selects it: scalar kernels in the
 * default test run, SIMD kernels in the run with {@code --add-modules jdk.incubator.vector}.
 */
class PureTensorConformanceTest extends TensorConformanceTest {
    private static final Backend BACKEND = new PureBackendProvider().create();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
