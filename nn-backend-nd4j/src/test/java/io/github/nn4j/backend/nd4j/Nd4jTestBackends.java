package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.testsupport.Requirement;

/**
 * The ND4J backends the tests of this module share: the one users get, and two with a forced {@link HostPolicy}
 * so that both kernel sets are checked on every shape. Where ND4J cannot start, the tests that need it are skipped
 * with the probe's reason, or fail when the run enforces {@link Requirement#NATIVE} (CI on Linux x86-64 does).
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
            Requirement.NATIVE.check(a.isAvailable(), "ND4J backend unavailable on this machine: " + a.reason());
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
