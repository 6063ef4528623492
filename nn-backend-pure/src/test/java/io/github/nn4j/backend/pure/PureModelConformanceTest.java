package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.ModelConformanceTest;

/**
 * The shared model conformance suite (gradient checks, training, determinism) on the pure backend as this
 * JVM selects it: scalar kernels in the default test run, SIMD kernels in the run with
 * {@code --add-modules jdk.incubator.vector}.
 */
class PureModelConformanceTest extends ModelConformanceTest {
    /** As the provider creates it, but with at least two threads so that the parallel paths run on any machine. */
    private static final Backend BACKEND = KernelSelection.select(PureOptions.fromSystemProperties().withThreads(
            Math.max(2, PureOptions.fromSystemProperties().threads())));

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
