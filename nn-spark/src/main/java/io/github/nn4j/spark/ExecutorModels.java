package io.github.nn4j.spark;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.persist.ModelFormatException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;

/**
 * The networks that {@link SparkPredictor} runs on one executor JVM: a static cache keyed by the broadcast that
 * carries the model, so that a JVM loads each model once, however many tasks, partitions and batches use it. The
 * tasks an executor runs at once share that network: {@link Network#predict} is safe for concurrent callers (each
 * call runs on its own replica of the layers' buffers, with the shared parameters).
 *
 * <p>The cache holds the {@value #MAX_MODELS} most recently used models; an older one is closed once no task uses
 * it any more.
 */
final class ExecutorModels {
    /** How many models a JVM keeps loaded. */
    static final int MAX_MODELS = 4;

    /** Guarded by the class. Access order: the least recently used model comes first. */
    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>(16, 0.75f, true);

    private ExecutorModels() {
    }

    /**
     * What an executor needs to load a model: the broadcast bytes, the backend and how many layers to run.
     *
     * @param key     identifies the model and view across the cluster (unique per broadcast)
     * @param bytes   the model file's bytes
     * @param backend the backend's name, or {@code null} for the executor's default backend
     * @param layers  how many of the network's first layers to run
     */
    record Source(String key, Broadcast<byte[]> bytes, String backend, int layers) implements Serializable {
    }

    /** The use of a cached network by one task; {@link #close()} ends it. */
    static final class Lease implements AutoCloseable {
        private final Entry entry;
        private final Loaded loaded;

        private Lease(Entry entry, Loaded loaded) {
            this.entry = entry;
            this.loaded = loaded;
        }

        /** The network (the first {@code layers} layers of the model); only its {@code predict} may be called. */
        Network network() {
            return loaded.view;
        }

        /** The backend the network lives on. */
        Backend backend() {
            return loaded.backend;
        }

        @Override
        public void close() {
            entry.release();
        }
    }

    /** The network of {@code source}, loading it if this JVM has not yet. */
    static Lease borrow(Source source) {
        Entry entry;
        synchronized (ExecutorModels.class) {
            entry = ENTRIES.get(source.key());
            if (entry == null) {
                entry = new Entry(source);
                ENTRIES.put(source.key(), entry);
                Iterator<Entry> oldest = ENTRIES.values().iterator();
                while (ENTRIES.size() > MAX_MODELS) {
                    Entry evicted = oldest.next();
                    oldest.remove();
                    evicted.evict();
                }
            }
        }
        return new Lease(entry, entry.acquire());
    }

    /** How many times this JVM has loaded the model of {@code key} (for tests); 0 when it has none or evicted it. */
    static int loads(String key) {
        Entry entry;
        synchronized (ExecutorModels.class) {
            entry = ENTRIES.get(key);
        }
        return entry == null ? 0 : entry.loads();
    }

    private record Loaded(Network full, Network view, Backend backend) {
        void close() {
            if (view != full) {
                view.close();
            }
            full.close();
        }
    }

    private static final class Entry {
        private final Source source;
        private Loaded loaded;
        private int users;
        private int loads;
        private boolean evicted;

        Entry(Source source) {
            this.source = source;
        }

        /** The network, loaded by the first caller while the others wait for it. */
        synchronized Loaded acquire() {
            if (loaded == null) {
                loaded = load();
                loads++;
            }
            users++;
            return loaded;
        }

        private Loaded load() {
            Backend backend = source.backend() == null ? Backends.get() : Backends.get(source.backend());
            Network full;
            try {
                full = ModelFiles.fromBytes(source.bytes().value(), backend, "the model broadcast as " + source.key());
            } catch (ModelFormatException e) {
                // the driver validated these bytes before broadcasting them
                throw new IllegalStateException("broadcast model bytes do not load: " + e.getMessage(), e);
            }
            int layers = source.layers();
            Network view = layers == full.layers().size() ? full : full.slice(0, layers);
            return new Loaded(full, view, backend);
        }

        synchronized void release() {
            users--;
            closeIfUnused();
        }

        synchronized void evict() {
            evicted = true;
            closeIfUnused();
        }

        private void closeIfUnused() {
            if (evicted && users == 0 && loaded != null) {
                loaded.close();
                loaded = null;
            }
        }

        synchronized int loads() {
            return loads;
        }
    }
}
