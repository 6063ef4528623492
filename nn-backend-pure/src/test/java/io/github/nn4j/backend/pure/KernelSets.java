package io.github.nn4j.backend.pure;

import io.github.nn4j.backend.pure.gemm.KernelShape;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pure backends the tests compare: scalar kernels always, SIMD kernels when this JVM has the Vector API
 * module, each with a chosen thread count. Instances are cached because each owns worker threads.
 */
final class KernelSets {
    private static final Map<String, PureBackend> CACHE = new ConcurrentHashMap<>();

    private KernelSets() {
    }

    /** The backend with scalar kernels and {@code threads} threads. */
    static PureBackend scalar(int threads) {
        return CACHE.computeIfAbsent("scalar" + threads, key -> KernelSelection.scalar(threads));
    }

    /**
     * The backend with SIMD kernels, the micro-kernel this JVM's settings choose and {@code threads} threads; only
     * call when the module is present.
     */
    static PureBackend vector(int threads) {
        return vector(threads, PureOptions.fromSystemProperties().gemmKernel());
    }

    /** The backend with SIMD kernels, the micro-kernel {@code shape} and {@code threads} threads. */
    static PureBackend vector(int threads, KernelShape shape) {
        return CACHE.computeIfAbsent("vector" + threads + "/" + shape, key -> {
            try {
                return KernelSelection.simd(PureOptions.fromSystemProperties().withThreads(threads)
                        .withGemmKernel(shape));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("SIMD kernels failed to load", e);
            }
        });
    }

    /**
     * The kernel set this JVM selects (SIMD when the Vector API module is present, else scalar; the build runs the
     * tests once in each kind of JVM), with {@code threads} threads.
     */
    static PureBackend selected(int threads) {
        return PureOptions.vectorModulePresent() ? vector(threads) : scalar(threads);
    }
}
