package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.ConcurrentInferenceConformanceTest;

/**
 * The shared concurrent-inference conformance suite on the pure backend as this JVM selects it: scalar kernels in
 * the default test run, SIMD kernels in the run with the Vector API module.
 */
class PureConcurrentInferenceConformanceTest extends ConcurrentInferenceConformanceTest {
    private static final Backend BACKEND = new PureBackendProvider().create();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
