package io.github.nn4j.backend.pure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Named;

/**
 * The pure backends the tests compare: scalar kernels always, SIMD kernels when this JVM has the Vector
 * API module, each with one or two threads. Instances are cached because each owns worker threads.
 */
final class KernelSets {
    private static final Map<String, PureBackend> CACHE = new ConcurrentHashMap<>();

    private KernelSets() {
    }

    /** The backend with scalar kernels and {@code threads} threads. */
    static PureBackend scalar(int threads) {
        return CACHE.computeIfAbsent("scalar" + threads, key -> {
            TileExecutor ex = PureBackend.newExecutor(threads);
            return new PureBackend(threads, Kernels.scalar(ex));
        });
    }

    /** The backend with SIMD kernels and {@code threads} threads; only call when the module is present. */
    static PureBackend vector(int threads) {
        return CACHE.computeIfAbsent("vector" + threads, key -> {
            TileExecutor ex = PureBackend.newExecutor(threads);
            try {
                return new PureBackend(threads, KernelSelection.vector(ex));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("SIMD kernels failed to load", e);
            }
        });
    }

    /**
     * The backend variant this JVM selects, with the given thread count: SIMD kernels when the Vector API
     * module is present, else scalar ones. (The build runs the tests once in each kind of JVM.)
     */
    static List<PureBackend> all(int threads) {
        return List.of(KernelSelection.vectorModulePresent() ? vector(threads) : scalar(threads));
    }

    /** {@code backend} labelled by its description, for parameterized test names. */
    static Named<PureBackend> named(PureBackend backend) {
        return Named.of(backend.description(), backend);
    }

    /** Every variant with two threads (the GEMM's parallel path is taken for large products). */
    static List<PureBackend> all() {
        return all(2);
    }
}
