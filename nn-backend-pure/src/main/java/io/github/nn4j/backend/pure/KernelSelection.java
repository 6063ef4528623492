package io.github.nn4j.backend.pure;

import io.github.nn4j.backend.pure.gemm.CacheSizes;
import io.github.nn4j.backend.pure.gemm.KernelShape;
import io.github.nn4j.backend.pure.threads.TileExecutor;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses between the SIMD kernels (on the incubating Vector API) and the scalar ones, and creates the backend.
 *
 * <p>The SIMD backend ({@link SimdPureBackend}) refers to the Vector API, so it is loaded by name, and only when the
 * JVM was started with the module {@value PureOptions#VECTOR_MODULE} (e.g. {@code --add-modules
 * jdk.incubator.vector}) and {@value PureOptions#SIMD_PROPERTY} is not {@code false}; otherwise, or if loading it
 * fails, the scalar {@link PureBackend} is used. The choice is logged once per JVM, on the SIMD path with a hint when
 * the JVM's trap limit is too low for the activation kernels to stay allocation-free.
 *
 * <p>A missing module is a WARN, once per JVM, with the option to add ({@link #warnIfVectorModuleMissing}): most
 * applications hide INFO, and without the module the backend is several times slower and gives way to the native
 * backends in automatic selection. Switching SIMD off on purpose ({@value PureOptions#SIMD_PROPERTY}{@code =false})
 * is not warned about.
 */
final class KernelSelection {
    private static final String SIMD_BACKEND_CLASS = "io.github.nn4j.backend.pure.SimdPureBackend";
    private static final Logger LOG = LoggerFactory.getLogger(KernelSelection.class);
    /** Name prefix of the worker threads. */
    private static final String WORKER_NAME = "nn4j-pure-worker-";
    /** The JVM option that makes the Vector API available, as the warning names it. */
    static final String VECTOR_OPTION = "--add-modules " + PureOptions.VECTOR_MODULE;
    private static volatile String logged;
    private static final AtomicBoolean WARNED_MISSING_MODULE = new AtomicBoolean();

    private KernelSelection() {
    }

    /**
     * Logs at WARN, once per JVM, that the Vector API module is missing and which option adds it, unless SIMD is
     * switched off on purpose ({@code simdWanted} false). Called when the backend's priority is asked for (automatic
     * selection, which then passes over this backend for a native one) and when its kernels are chosen.
     */
    static void warnIfVectorModuleMissing(boolean simdWanted) {
        if (simdWanted && !PureOptions.vectorModulePresent() && WARNED_MISSING_MODULE.compareAndSet(false, true)) {
            LOG.warn("nn4j pure backend: this JVM was started without the module {}, so the pure backend can only run "
                    + "its scalar kernels, several times slower (README \"Choosing a backend\"), and its priority drops "
                    + "below the native backends'. Add the JVM option '{}' (with Maven, also to the argLine of "
                    + "maven-surefire-plugin for tests). To use the scalar kernels on purpose and silence this warning, "
                    + "set -D{}=false.", PureOptions.VECTOR_MODULE, VECTOR_OPTION, PureOptions.SIMD_PROPERTY);
        }
    }

    /** The best backend this JVM can run with {@code options}. */
    static PureBackend select(PureOptions options) {
        warnIfVectorModuleMissing(options.simd());
        PureBackend backend = null;
        String why;
        if (!PureOptions.vectorModulePresent()) {
            why = "module " + PureOptions.VECTOR_MODULE + " is not present";
        } else if (!options.simd()) {
            why = PureOptions.SIMD_PROPERTY + "=false";
        } else {
            why = null;
            try {
                backend = simd(options);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                LOG.warn("The Vector API is present but the SIMD kernels could not be loaded; using scalar kernels", e);
                why = "SIMD kernels failed to load: " + e;
            }
        }
        if (backend == null) {
            backend = new PureBackend(options.threads(), newExecutor(options));
        }
        String message = backend.path() + (why == null ? PureOptions.trapLimitHint() : " [" + why + "]");
        if (!message.equals(logged)) {
            logged = message;
            LOG.info("nn4j pure backend kernels: {}", message);
        }
        return backend;
    }

    /** The scalar backend with {@code threads} threads. */
    static PureBackend scalar(int threads) {
        return new PureBackend(threads, new TileExecutor(threads, WORKER_NAME));
    }

    /**
     * The SIMD backend with the threads and micro-kernel of {@code options} and blocks for this machine's caches,
     * loaded by name so that nothing refers to the Vector API unless it is present.
     */
    static PureBackend simd(PureOptions options) throws ReflectiveOperationException {
        try {
            return (PureBackend) Class.forName(SIMD_BACKEND_CLASS)
                    .getDeclaredConstructor(int.class, KernelShape.class, CacheSizes.class, TileExecutor.class)
                    .newInstance(options.threads(), options.gemmKernel(), CacheSizes.ofThisMachine(),
                            newExecutor(options));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    /** The thread set of {@code options} for parallel work, its daemon workers named after this backend. */
    private static TileExecutor newExecutor(PureOptions options) {
        return new TileExecutor(options.threads(), options.spinMicros(), WORKER_NAME);
    }
}
