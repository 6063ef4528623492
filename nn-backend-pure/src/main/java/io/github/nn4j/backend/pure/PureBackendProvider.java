package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendProvider;

/**
 * Registers the pure-Java backend ({@value #NAME}) with {@link io.github.nn4j.api.backend.Backends}. It is
 * available on every JVM; its kernels use the Vector API when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} and plain Java otherwise.
 */
public final class PureBackendProvider implements BackendProvider {
    /** Selection name. */
    public static final String NAME = "pure";
    /**
     * Rank among available backends (highest wins when none is named). Provisional: the final value is set
     * from benchmark measurements against the other backends.
     */
    public static final int PRIORITY = 100;

    /** Public no-argument constructor for {@link java.util.ServiceLoader}; does no work. */
    public PureBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /** Available unless the thread-count property is invalid (the reason then names it). */
    @Override
    public Availability probe() {
        try {
            ThreadSetting.threads();
            return Availability.available();
        } catch (IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage(), e);
        }
    }

    @Override
    public Backend create() {
        return new PureBackend(ThreadSetting.threads());
    }
}
