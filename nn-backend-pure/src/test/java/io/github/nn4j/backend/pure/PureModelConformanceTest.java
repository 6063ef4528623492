package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.ModelConformanceTest;

/**
 * The shared model conformance suite (gradient checks, training, determinism) on the pure backend as this
 * JVM selects it: scalar kernels in the default test run, SIMD kernels in the run with
 * {@code --add-modules jdk.incubator.vector}.
 */
class PureModelConformanceTest extends ModelConformanceTest {
    private static final Backend BACKEND = new PureBackendProvider().create();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
