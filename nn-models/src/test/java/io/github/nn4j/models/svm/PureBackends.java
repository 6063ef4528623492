package io.github.nn4j.models.svm;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.backend.pure.PureBackendProvider;

/** Pure backends with a chosen thread count, made the way {@code -Dnn4j.pure.threads=N} makes them. */
final class PureBackends {
    private static final String PROPERTY = "nn4j.pure.threads";

    private PureBackends() {
    }

    /** A new pure backend with {@code threads} threads per operation; the system property is restored. */
    static synchronized Backend withThreads(int threads) {
        String old = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, Integer.toString(threads));
        try {
            Backend backend = new PureBackendProvider().create();
            if (!backend.description().contains(threads + (threads == 1 ? " thread" : " threads"))) {
                throw new IllegalStateException("asked for " + threads + " threads, got " + backend.description());
            }
            return backend;
        } finally {
            if (old == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, old);
            }
        }
    }
}
