package io.github.nn4j.api.reference;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.ModelConformanceTest;

/** The model half of the conformance suite on the reference backend (it must agree with itself exactly). */
class ReferenceBackendModelConformanceTest extends ModelConformanceTest {
    private static final Backend BACKEND = new ReferenceBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
