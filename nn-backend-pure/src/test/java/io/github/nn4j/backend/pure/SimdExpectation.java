package io.github.nn4j.backend.pure;

import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * Which kernels a test JVM is meant to run: the build's two surefire executions say so with the system property
 * {@value #PROPERTY} ({@code false} in the plain run, {@code true} in the run with the Vector API module), so that a
 * SIMD test fails, instead of skipping, in the execution that should have had the Vector API; without the property
 * (a test started from an IDE) SIMD tests skip where the module is absent.
 */
public final class SimdExpectation {
    /** {@code true}: this JVM must run the SIMD kernels; {@code false}: the scalar ones; absent: either. */
    public static final String PROPERTY = "nn4j.test.expectSimd";

    private SimdExpectation() {
    }

    /** The expectation this JVM was started with, if any. */
    public static Optional<Boolean> expected() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Boolean.parseBoolean(value.trim()));
    }

    /**
     * Returns when the Vector API module is present; otherwise fails the calling test where this JVM was meant to
     * run SIMD kernels, and skips it where it was not.
     */
    public static void requireVectorModule() {
        if (PureOptions.vectorModulePresent()) {
            return;
        }
        String reason = "module " + PureOptions.VECTOR_MODULE + " is absent";
        if (expected().orElse(false)) {
            throw new AssertionError(reason + ", but -D" + PROPERTY + "=true: this test execution was meant to run "
                    + "the SIMD kernels (its --add-modules " + PureOptions.VECTOR_MODULE + " is missing)");
        }
        throw new TestAbortedException(reason + "; run with --add-modules " + PureOptions.VECTOR_MODULE
                + " (the build's vector-api test execution does)");
    }
}
