package io.github.nn4j.api.backend;

import java.util.List;

/**
 * The JVM-wide entry point for backend discovery and selection (see {@link BackendRegistry} for the rule).
 *
 * <pre>{@code
 * Backend be = Backends.get();          // nn4j.backend / NN4J_BACKEND, else highest priority
 * Backend pure = Backends.get("pure");  // a specific one, or an exception listing what exists
 * }</pre>
 *
 * <p>Providers are discovered once, with the context class loader of the first caller (falling back to
 * this class's loader). Thread-safe.
 */
public final class Backends {
    private static volatile BackendRegistry registry;

    private Backends() {
    }

    /** {@return the registry of this JVM, created on first use} */
    public static BackendRegistry registry() {
        BackendRegistry r = registry;
        if (r == null) {
            synchronized (Backends.class) {
                r = registry;
                if (r == null) {
                    ClassLoader cl = Thread.currentThread().getContextClassLoader();
                    r = BackendRegistry.load(cl != null ? cl : Backends.class.getClassLoader());
                    registry = r;
                }
            }
        }
        return r;
    }

    /**
     * {@return the backend with the given name; if it is missing or unavailable, a {@link BackendUnavailableException}
     * lists all found}
     */
    public static Backend get() {
        return registry().selected();
    }

    /**
     * {@return the backend with the given name; if it is missing or unavailable, a {@link BackendUnavailableException}
     * lists all found}
     *
     * @param name a provider name, in any case
     */
    public static Backend get(String name) {
        return registry().get(name);
    }

    /** {@return every discovered backend, highest priority first} */
    public static List<BackendStatus> describe() {
        return registry().describe();
    }
}
