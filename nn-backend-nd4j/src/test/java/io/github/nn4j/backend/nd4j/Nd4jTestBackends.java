package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.Backend;

/**
 * The ND4J backends the tests of this module share: the one users get, and two with a forced {@link HostPolicy}
 * so that both kernel sets are checked on every shape. The tests require ND4J to start: on a machine where it
 * cannot they fail with the probe's reason rather than skip.
 */
final class Nd4jTestBackends {
    private static Backend standard;
    private static Backend nativeOnly;
    private static Backend hostOnly;

    private Nd4jTestBackends() {
    }

    /** As created by the provider: small work in Java, large work as ND4J ops. */
    static synchronized Backend standard() {
        if (standard == null) {
            Nd4jBackendProvider provider = new Nd4jBackendProvider();
            Availability a = provider.probe();
            if (!a.isAvailable()) {
                throw new IllegalStateException("ND4J backend unavailable on this machine: " + a.reason(),
                        a.cause().orElse(null));
            }
            standard = provider.create();
        }
        return standard;
    }

    /** Every kernel an ND4J op and no host views: the code path a GPU takes. */
    static synchronized Backend nativeOnly() {
        standard();
        if (nativeOnly == null) {
            nativeOnly = new Nd4jBackend(HostPolicy.nativeOnly(), "test: native kernels only");
        }
        return nativeOnly;
    }

    /** Every kernel in Java on the off-heap memory, whatever the size. */
    static synchronized Backend hostOnly() {
        standard();
        if (hostOnly == null) {
            hostOnly = new Nd4jBackend(HostPolicy.hostOnly(), "test: host kernels only");
        }
        return hostOnly;
    }
}
