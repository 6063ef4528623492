package io.github.nn4j.backend.pure;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses between the SIMD kernels (on the incubating Vector API) and the scalar ones.
 *
 * <p>The SIMD classes are only loaded, by name, when the JVM was started with the module
 * {@value #VECTOR_MODULE} (e.g. {@code --add-modules jdk.incubator.vector}) and the system property
 * {@value #SIMD_PROPERTY} is not {@code false}; otherwise, or if loading them fails, the scalar kernels
 * are used. The choice is logged once per JVM, on the SIMD path with a hint when the JVM's
 * {@link TrapLimitSetting trap limit} is too low for the activation kernels to stay allocation-free.
 *
 * <p>A missing module is a WARN, once per JVM, with the option to add ({@link #warnIfVectorModuleMissing}): most
 * applications hide INFO, and without the module the backend is several times slower and gives way to the native
 * backends in automatic selection. Switching SIMD off on purpose ({@value #SIMD_PROPERTY}{@code =false}) is not
 * warned about.
 */
final class KernelSelection {
    /** The module that holds the Vector API. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /** System property: {@code false} forces the scalar kernels even when the Vector API is present. */
    static final String SIMD_PROPERTY = "nn4j.pure.simd";

    private static final String VECTOR_KERNELS_CLASS = "io.github.nn4j.backend.pure.VectorKernels";
    private static final Logger LOG = LoggerFactory.getLogger(KernelSelection.class);
    /** The JVM option that makes the Vector API available, as the warning names it. */
    static final String VECTOR_OPTION = "--add-modules " + VECTOR_MODULE;

    private static volatile String logged;
    private static final AtomicBoolean WARNED_MISSING_MODULE = new AtomicBoolean();

    private KernelSelection() {
    }

    /** Whether the Vector API module is part of this JVM's boot layer. */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** Whether the SIMD kernels will be tried: the Vector API module is present and not switched off. */
    static boolean simdRequested() {
        return vectorModulePresent() && !simdSwitchedOff();
    }

    private static boolean simdSwitchedOff() {
        return "false".equals(System.getProperty(SIMD_PROPERTY, "").trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Logs at WARN, once per JVM, that the Vector API module is missing and which option adds it, unless SIMD is
     * switched off on purpose. Called when the backend's priority is asked for (automatic selection, which then passes
     * over this backend for a native one) and when its kernels are chosen.
     */
    static void warnIfVectorModuleMissing() {
        if (!vectorModulePresent() && !simdSwitchedOff() && WARNED_MISSING_MODULE.compareAndSet(false, true)) {
            LOG.warn("nn4j pure backend: this JVM was started without the module {}, so the pure backend can only run "
                    + "its scalar kernels, several times slower (README \"Choosing a backend\"), and its priority drops "
                    + "below the native backends'. Add the JVM option '{}' (with Maven, also to the argLine of "
                    + "maven-surefire-plugin for tests). To use the scalar kernels on purpose and silence this warning, "
                    + "set -D{}=false.", VECTOR_MODULE, VECTOR_OPTION, SIMD_PROPERTY);
        }
    }

    /** The best kernels this JVM can run, sharing {@code executor} for parallel GEMM. */
    static Kernels select(TileExecutor executor) {
        warnIfVectorModuleMissing();
        Kernels kernels = null;
        String why;
        if (!vectorModulePresent()) {
            why = "module " + VECTOR_MODULE + " is not present";
        } else if (simdSwitchedOff()) {
            why = SIMD_PROPERTY + "=false";
        } else {
            why = null;
            try {
                kernels = vector(executor);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                LOG.warn("The Vector API is present but the SIMD kernels could not be loaded; using scalar kernels", e);
                why = "SIMD kernels failed to load: " + e;
            }
        }
        if (kernels == null) {
            kernels = Kernels.scalar(executor);
        }
        String message = kernels.path() + (why == null ? TrapLimitSetting.hint() : " [" + why + "]");
        if (!message.equals(logged)) {
            logged = message;
            LOG.info("nn4j pure backend kernels: {}", message);
        }
        return kernels;
    }

    /** The SIMD kernels, loaded by name so that nothing refers to the Vector API unless it is present. */
    static Kernels vector(TileExecutor executor) throws ReflectiveOperationException {
        try {
            return (Kernels) Class.forName(VECTOR_KERNELS_CLASS)
                    .getDeclaredMethod("create", TileExecutor.class)
                    .invoke(null, executor);
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
}
