package io.github.nn4j.backend.nd4j;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The CPU thread counts ND4J uses: OpenMP threads for libnd4j's own kernels and OpenBLAS threads for GEMM.
 *
 * <p>ND4J's default gives both pools one thread per core; on a small machine the two pools then compete for the
 * same cores. The counts can be changed at run time, after the native library has loaded, which is what
 * {@link #apply()} does, unless the user chose them through the environment ({@code OMP_NUM_THREADS}, read by
 * ND4J itself at start-up, which then wins). Settings, as system properties:
 * <ul>
 *   <li>{@value #BLAS_PROPERTY}: OpenBLAS threads (default: {@link Runtime#availableProcessors()});</li>
 *   <li>{@value #OMP_PROPERTY}: OpenMP threads of libnd4j kernels (default {@value #DEFAULT_OMP_THREADS}).</li>
 * </ul>
 */
final class Nd4jThreads {
    /** System property: number of OpenBLAS threads. */
    static final String BLAS_PROPERTY = "nn4j.nd4j.blasThreads";
    /** System property: number of OpenMP threads for libnd4j kernels. */
    static final String OMP_PROPERTY = "nn4j.nd4j.ompThreads";
    /** Default OpenMP threads (measured; see the report in the module documentation). */
    static final int DEFAULT_OMP_THREADS = 1;

    private Nd4jThreads() {
    }

    /**
     * Sets the thread counts on the loaded CPU backend and returns a description of the result. Throws
     * {@link IllegalArgumentException} naming the property when a setting is not a positive integer.
     */
    static String apply() {
        String env = System.getenv("OMP_NUM_THREADS");
        if (env != null && !env.isBlank()) {
            return "threads from OMP_NUM_THREADS=" + env.trim() + " (OpenMP " + ompThreads() + ", OpenBLAS "
                    + blasThreads() + ")";
        }
        int blas = setting(BLAS_PROPERTY, Runtime.getRuntime().availableProcessors());
        int omp = setting(OMP_PROPERTY, DEFAULT_OMP_THREADS);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(omp);
        Nd4j.factory().blas().setMaxThreads(blas);
        return "OpenMP threads " + ompThreads() + ", OpenBLAS threads " + blasThreads();
    }

    private static int ompThreads() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    private static int blasThreads() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    private static int setting(String property, int fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + property + "=" + v + " is not a positive number of threads");
    }
}
