package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendProvider;

/**
 * Registers the pure-Java backend ({@value #NAME}) with {@link io.github.nn4j.api.backend.Backends}. It is
 * available on every JVM; its kernels use the Vector API when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} and plain Java otherwise. Its settings: {@link PureOptions}.
 */
public final class PureBackendProvider implements BackendProvider {
    /** Selection name. */
    public static final String NAME = "pure";
    /** Priority when the SIMD kernels can run (the README's table of backend priorities says why). */
    public static final int PRIORITY_SIMD = 400;
    /**
     * Priority with the scalar kernels only (no {@code jdk.incubator.vector} module, or {@code nn4j.pure.simd=false}),
     * below the native backends (the README's table of backend priorities says why). A missing module is logged at
     * WARN.
     */
    public static final int PRIORITY_SCALAR = 100;

    /** Public no-argument constructor for {@link java.util.ServiceLoader}; does no work. */
    public PureBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@link #PRIORITY_SIMD} when this JVM can run the SIMD kernels, else {@link #PRIORITY_SCALAR}, warning once when
     * the reason is a missing module.
     */
    @Override
    public int priority() {
        boolean simdWanted = PureOptions.parseSimd(System.getProperty(PureOptions.SIMD_PROPERTY));
        KernelSelection.warnIfVectorModuleMissing(simdWanted);
        return simdWanted && PureOptions.vectorModulePresent() ? PRIORITY_SIMD : PRIORITY_SCALAR;
    }

    /** Available unless a setting is invalid (the reason then names it). */
    @Override
    public Availability probe() {
        try {
            PureOptions.fromSystemProperties();
            return Availability.available();
        } catch (IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage(), e);
        }
    }

    @Override
    public Backend create() {
        return KernelSelection.select(PureOptions.fromSystemProperties());
    }
}
