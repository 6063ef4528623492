package io.github.nn4j.spark;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.persist.ModelFormatException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;

/**
 * The networks that {@link SparkPredictor} runs on one executor JVM, loaded from broadcast model bytes once per JVM
 * and kept across tasks and partitions (a static cache keyed by the broadcast's own identifier, so not once per
 * row or partition).
 *
 * <p>An executor runs several tasks at once in one JVM, and {@link Network#predict} is not safe for concurrent
 * callers: each model is a small pool that lends a network to one batch at a time and loads another only when
 * every loaded one is busy. A JVM therefore loads a model at most once per task it runs concurrently (its task
 * slots), however many partitions and batches pass through. The cache holds the {@value #MAX_MODELS} most recently
 * used models; older ones are closed (a network still lent out is closed when it comes back).
 */
final class ExecutorModels {
    /** How many models a JVM keeps loaded. */
    static final int MAX_MODELS = 4;

    /** Guarded by the class. Access order: the least recently used model comes first. */
    private static final Map<String, Pool> POOLS = new LinkedHashMap<>(16, 0.75f, true);

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

    /** A network lent to one caller; {@link #close()} gives it back. */
    static final class Lease implements AutoCloseable {
        private final Pool pool;
        private final Loaded loaded;

        private Lease(Pool pool, Loaded loaded) {
            this.pool = pool;
            this.loaded = loaded;
        }

        /** The network (the first {@code layers} layers of the model), for this caller alone until closed. */
        Network network() {
            return loaded.view;
        }

        /** The backend the network lives on. */
        Backend backend() {
            return loaded.backend;
        }

        @Override
        public void close() {
            pool.giveBack(loaded);
        }
    }

    /** Lends a network of {@code source}, loading it when this JVM has none free. */
    static Lease borrow(Source source) {
        Pool pool;
        synchronized (ExecutorModels.class) {
            pool = POOLS.get(source.key());
            if (pool == null) {
                pool = new Pool(source);
                POOLS.put(source.key(), pool);
                evictBeyond(MAX_MODELS);
            }
        }
        return pool.lend();
    }

    /** How many networks this JVM has loaded for {@code key} (for tests); 0 when it has none or evicted them. */
    static synchronized int loads(String key) {
        Pool pool = POOLS.get(key);
        return pool == null ? 0 : pool.loads();
    }

    private static void evictBeyond(int max) {
        Iterator<Pool> it = POOLS.values().iterator();
        while (POOLS.size() > max && it.hasNext()) {
            Pool oldest = it.next();
            it.remove();
            oldest.close();
        }
    }

    private record Loaded(Network full, Network view, Backend backend) {
        void close() {
            if (view != full) {
                view.close();
            }
            full.close();
        }
    }

    private static final class Pool {
        private final Source source;
        private final ArrayDeque<Loaded> idle = new ArrayDeque<>();
        private int loads;
        private boolean closed;

        Pool(Source source) {
            this.source = source;
        }

        Lease lend() {
            synchronized (this) {
                if (!idle.isEmpty()) {
                    return new Lease(this, idle.pop());
                }
                loads++;
            }
            return new Lease(this, load());
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

        synchronized void giveBack(Loaded loaded) {
            if (closed) {
                loaded.close();
            } else {
                idle.push(loaded);
            }
        }

        synchronized int loads() {
            return loads;
        }

        synchronized void close() {
            closed = true;
            idle.forEach(Loaded::close);
            idle.clear();
        }
    }
}
