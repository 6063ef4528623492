package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendProvider;

/**
 * Registers the ND4J backend ({@value #NAME}) with {@link io.github.nn4j.api.backend.Backends}.
 *
 * <p>Available when ND4J starts and passes a tiny GEMM self-test ({@link Nd4jRuntime}). It runs on whichever ND4J
 * backend is on the classpath: {@code nd4j-native} (CPU; this module's default dependency) or an
 * {@code nd4j-cuda} artifact (GPU) put there instead.
 *
 * <p>CPU threads: libnd4j's OpenMP kernels get {@code -Dnn4j.nd4j.ompThreads} threads and OpenBLAS's GEMM
 * {@code -Dnn4j.nd4j.blasThreads}, both 1 by default (measured; see the module README), set when ND4J starts. If
 * the environment variable {@code OMP_NUM_THREADS} is set, ND4J applies it to both at load time and these
 * defaults are not applied (an explicit {@code -Dnn4j.nd4j.*} property still is).
 *
 * <p>Logging: unless set by the user, ND4J's start-up banner is switched off ({@code org.nd4j.log.initialization
 * =false}); one INFO line from {@code org.nd4j.linalg.cpu.nativecpu.CpuNDArrayFactory} remains unless the logger
 * {@code org.nd4j} is configured at WARN. A failed start is reported with its real cause as the probe's reason.
 */
public final class Nd4jBackendProvider implements BackendProvider {
    /** Selection name. */
    public static final String NAME = "nd4j";
    /** Rank among available backends (highest wins when none is named); why this rank: the README's priority table. */
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
            HostPolicy.forSetting(System.getProperty(HostPolicy.KERNELS_PROPERTY), true);
        } catch (IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage(), e);
        }
        try {
            return Nd4jRuntime.availability();
        } catch (Throwable t) { // never throw from a probe
            return Availability.unavailable("ND4J probe failed: " + t, t);
        }
    }

    @Override
    public Backend create() {
        probe().requireAvailable(NAME);
        Nd4jRuntime runtime = Nd4jRuntime.get();
        HostPolicy policy = runtime.policy();
        return new Nd4jBackend(policy, runtime.description() + "; " + policy);
    }
}
