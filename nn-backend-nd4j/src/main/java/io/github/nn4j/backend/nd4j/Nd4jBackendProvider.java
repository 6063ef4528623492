package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendProvider;
import io.github.nn4j.api.backend.BackendUnavailableException;

/**
 * Registers the ND4J backend ({@value #NAME}) with {@link io.github.nn4j.api.backend.Backends}.
 *
 * <p>Available when ND4J starts and passes a tiny GEMM self-test ({@link Nd4jRuntime}). It runs on whichever ND4J
 * backend is on the classpath: {@code nd4j-native} (CPU; this module's default dependency) or an
 * {@code nd4j-cuda} artifact (GPU) put there instead.
 */
public final class Nd4jBackendProvider implements BackendProvider {
    /** Selection name. */
    public static final String NAME = "nd4j";
    /**
     * Rank among available backends (highest wins when none is named). Provisional, above the pure-Java backend
     * ({@code 100}) and jblas ({@code 50}): multi-threaded OpenBLAS GEMM is the fastest matrix product here.
     * Final value set from benchmarks.
     */
    public static final int PRIORITY = 300;

    /** Public no-argument constructor for {@link java.util.ServiceLoader}; does no work. */
    public Nd4jBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability probe() {
        try {
            return Nd4jRuntime.availability();
        } catch (Throwable t) { // never throw from a probe
            return Availability.unavailable("ND4J probe failed: " + t, t);
        }
    }

    @Override
    public Backend create() {
        Availability a = probe();
        if (!a.isAvailable()) {
            throw new BackendUnavailableException("Backend '" + NAME + "' is not available: " + a.reason(),
                    a.cause().orElse(null));
        }
        Nd4jRuntime runtime = Nd4jRuntime.get();
        HostPolicy policy = runtime.hostMemory() ? HostPolicy.standard() : HostPolicy.nativeOnly();
        return new Nd4jBackend(policy, runtime.description() + "; " + policy);
    }
}
