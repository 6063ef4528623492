package io.github.nn4j.api.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set of discovered {@link BackendProvider}s with the selection rule applied to them. {@link Backends}
 * holds the JVM-wide instance; tests and tools may build their own from a class loader or a list.
 *
 * <p>Selection: the explicit name if one is given (system property {@value #PROPERTY}, else environment
 * variable {@value #ENV}; empty or {@code auto} means none), else the available provider with the highest
 * priority (ties broken by name). Probing and creation happen lazily, once per provider. Thread-safe.
 */
public final class BackendRegistry {
    /** System property naming the backend to use. */
    public static final String PROPERTY = "nn4j.backend";
    /** Environment variable naming the backend to use (the system property wins). */
    public static final String ENV = "NN4J_BACKEND";

    private static final Logger LOG = LoggerFactory.getLogger(BackendRegistry.class);

    private final List<Entry> entries;
    private final String requestedName;

    private BackendRegistry(List<Entry> entries, String requestedName) {
        this.entries = entries;
        this.requestedName = requestedName;
    }

    /**
     * Discovers the providers visible to {@code loader} and reads the explicit choice from the system
     * property and environment of this JVM.
     *
     * @param loader the class loader whose {@code META-INF/services} entries are read
     * @return a registry of the providers found; none is probed yet
     */
    public static BackendRegistry load(ClassLoader loader) {
        List<Entry> entries = new ArrayList<>();
        Iterator<BackendProvider> it = ServiceLoader.load(BackendProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                entries.add(new Entry(it.next()));
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.info("A backend provider could not be instantiated and is skipped: {}", e.toString());
                entries.add(new Entry(e));
            }
        }
        return new BackendRegistry(entries, requestedName(System.getProperty(PROPERTY), System.getenv(ENV)));
    }

    /**
     * {@return a registry over the given providers, with an explicit choice ({@code null} for automatic)}
     *
     * @param providers the providers, in any order
     * @param requestedName the backend to use, or {@code null} (or {@code "auto"}) to select by priority
     */
    public static BackendRegistry of(List<BackendProvider> providers, String requestedName) {
        List<Entry> entries = new ArrayList<>();
        for (BackendProvider p : providers) {
            entries.add(new Entry(p));
        }
        return new BackendRegistry(entries, requestedName(requestedName, null));
    }

    private static String requestedName(String property, String env) {
        for (String s : new String[] {property, env}) {
            if (s != null && !s.isBlank() && !s.trim().equalsIgnoreCase("auto")) {
                return s.trim().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** {@return the backend selected by the rule above; a {@link BackendUnavailableException} when there is none} */
    public Backend selected() {
        return selectedEntry().backend();
    }

    private Entry selectedEntry() {
        if (requestedName != null) {
            return entry(requestedName, "requested by " + PROPERTY + "/" + ENV);
        }
        for (Entry e : byPriority()) {
            if (e.availability().isAvailable()) {
                return e;
            }
        }
        throw new BackendUnavailableException("No nn4j backend is available. " + summary()
                + " Put a backend jar (e.g. nn-backend-pure) on the classpath.", null);
    }

    /**
     * {@return the backend named {@code name}; a {@link BackendUnavailableException} explains why not when it cannot be
     * used}
     *
     * @param name a provider name, in any case
     */
    public Backend get(String name) {
        return entry(name.trim().toLowerCase(Locale.ROOT), "requested").backend();
    }

    private Entry entry(String name, String how) {
        for (Entry e : entries) {
            if (name.equals(e.name)) {
                Availability a = e.availability();
                if (!a.isAvailable()) {
                    throw new BackendUnavailableException("Backend '" + name + "' (" + how + ") is not available: "
                            + a.reason() + ". " + summary(), a.cause().orElse(null));
                }
                return e;
            }
        }
        throw new BackendUnavailableException("No backend named '" + name + "' (" + how + "). " + summary(), null);
    }

    /** {@return the provider name of the backend {@link #selected()} would return, or {@code null} if none would be} */
    public String selectedName() {
        try {
            return selectedEntry().name;
        } catch (BackendUnavailableException e) {
            return null;
        }
    }

    /** {@return every discovered provider, highest priority first, with its availability; probes each once} */
    public List<BackendStatus> describe() {
        String chosen = selectedName();
        List<BackendStatus> out = new ArrayList<>();
        for (Entry e : byPriority()) {
            Availability a = e.availability();
            out.add(new BackendStatus(e.name, e.priority, a.isAvailable(), a.reason(),
                    a.isAvailable() && e.name.equals(chosen)));
        }
        return out;
    }

    /** {@return the explicitly requested backend name, or {@code null} when selection is automatic} */
    public String requestedName() {
        return requestedName;
    }

    private String summary() {
        if (entries.isEmpty()) {
            return "No backend providers were found on the classpath.";
        }
        StringBuilder sb = new StringBuilder("Backends found: ");
        String sep = "";
        for (Entry e : byPriority()) {
            Availability a = e.availability();
            sb.append(sep).append(e.name).append(" (").append(a.isAvailable() ? "available" : "unavailable: "
                    + a.reason()).append(')');
            sep = "; ";
        }
        return sb.append('.').toString();
    }

    private List<Entry> byPriority() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt((Entry e) -> e.priority).reversed().thenComparing(e -> e.name));
        return sorted;
    }

    /** One provider with its lazily computed availability and backend. */
    private static final class Entry {
        final BackendProvider provider;
        final String name;
        final int priority;
        private Availability availability;
        private Backend backend;

        Entry(BackendProvider provider) {
            this.provider = provider;
            this.name = provider.name().toLowerCase(Locale.ROOT);
            this.priority = provider.priority();
        }

        Entry(Throwable loadFailure) {
            this.provider = null;
            this.name = "<provider failed to load>";
            this.priority = Integer.MIN_VALUE;
            this.availability = Availability.unavailable(loadFailure.toString(), loadFailure);
        }

        synchronized Availability availability() {
            if (availability == null) {
                try {
                    availability = provider.probe();
                } catch (Throwable t) { // a probe must not throw; treat a broken one as unavailable
                    availability = Availability.unavailable("probe failed: " + t, t);
                }
                if (availability.isAvailable()) {
                    LOG.debug("Backend '{}' is available", name);
                } else {
                    LOG.info("Backend '{}' is unavailable and skipped: {}", name, availability.reason());
                }
            }
            return availability;
        }

        synchronized Backend backend() {
            if (backend == null) {
                backend = provider.create();
                LOG.debug("Created backend '{}': {}", name, backend.description());
            }
            return backend;
        }
    }
}
