package io.github.nn4j.models.cli;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendProvider;
import io.github.nn4j.backend.pure.PureBackendProvider;

/**
 * Two backend providers that reproduce, without native code, how one backend can look available only because
 * another was loaded first in the same JVM (as jblas once did on nd4j's Fortran runtime): {@link Helper}'s probe
 * leaves something behind in the JVM (here a system property; there a loaded native library) and reports itself
 * unavailable; {@link Fragile} is available only if that something is there. They are put on a class path only by
 * {@link BackendsCommandTest}, through a service file it writes.
 */
public final class SideEffectProviders {
    /** What {@link Helper} leaves behind. */
    static final String LEFTOVER = "nn4j.test.helper.probed";

    private SideEffectProviders() {
    }

    /** Probed first (higher priority), leaves {@link #LEFTOVER}, is itself unavailable. */
    public static final class Helper implements BackendProvider {
        /** For the service loader. */
        public Helper() {
        }

        @Override
        public String name() {
            return "helper";
        }

        @Override
        public int priority() {
            return 998;
        }

        @Override
        public Availability probe() {
            System.setProperty(LEFTOVER, "true");
            return Availability.unavailable("the helper is never available (it only loads something)", null);
        }

        @Override
        public Backend create() {
            throw new UnsupportedOperationException("unavailable");
        }
    }

    /** Available only where {@link Helper} was probed before, in the same JVM. */
    public static final class Fragile implements BackendProvider {
        /** For the service loader. */
        public Fragile() {
        }

        @Override
        public String name() {
            return "fragile";
        }

        @Override
        public int priority() {
            return 997;
        }

        @Override
        public Availability probe() {
            return Boolean.getBoolean(LEFTOVER) ? Availability.available()
                    : Availability.unavailable("needs what the helper loads, which is not there when it is used alone",
                            null);
        }

        /** Computes with the pure backend: this provider is about availability, not arithmetic. */
        @Override
        public Backend create() {
            return new PureBackendProvider().create();
        }
    }
}
