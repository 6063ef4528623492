package io.github.nn4j.backend.nd4j;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The CPU thread counts ND4J uses: OpenMP threads for libnd4j's own kernels and OpenBLAS threads for GEMM.
 *
 * <p>ND4J's default gives both pools one thread per core; on a small machine the two pools then compete for the
 * same cores. The counts can be changed at run time, after the native library has loaded, which is what
 * {@link #apply()} does. The environment variable {@code OMP_NUM_THREADS}, which ND4J itself applies to both pools
 * at start-up, replaces the defaults below; the properties, when set, win over everything. Settings:
 * <ul>
 *   <li>{@value #BLAS_PROPERTY}: OpenBLAS threads (default {@value #DEFAULT_BLAS_THREADS});</li>
 *   <li>{@value #OMP_PROPERTY}: OpenMP threads of libnd4j kernels (default {@value #DEFAULT_OMP_THREADS}).</li>
 * </ul>
 *
 * <p>The defaults are measured (2-core machine, module README): two OpenMP threads made an autoencoder epoch 5 to
 * 15 times slower whenever anything else ran on the machine, the training thread spinning in OpenMP barriers; a
 * second OpenBLAS thread sped isolated large products up by up to 1.6 times on an idle machine but left the
 * autoencoder at batch 64 as fast or up to 1.9 times slower. Raise {@value #BLAS_PROPERTY} for large matrices on
 * idle cores.
 */
final class Nd4jThreads {
    /** System property: number of OpenBLAS threads. */
    static final String BLAS_PROPERTY = "nn4j.nd4j.blasThreads";
    /** System property: number of OpenMP threads for libnd4j kernels. */
    static final String OMP_PROPERTY = "nn4j.nd4j.ompThreads";
    /** Default OpenMP threads (measured, see above). */
    static final int DEFAULT_OMP_THREADS = 1;
    /** Default OpenBLAS threads (measured, see above). */
    static final int DEFAULT_BLAS_THREADS = 1;

    private Nd4jThreads() {
    }

    /**
     * Sets the thread counts on the loaded CPU backend and returns a description of the result. When
     * {@code OMP_NUM_THREADS} is set, ND4J has already applied it to both pools and only explicitly set properties
     * change them. Throws {@link IllegalArgumentException} naming the property when a setting is not a positive
     * integer.
     */
    static String apply() {
        String env = System.getenv("OMP_NUM_THREADS");
        boolean fromEnv = env != null && !env.isBlank();
        String blas = System.getProperty(BLAS_PROPERTY);
        String omp = System.getProperty(OMP_PROPERTY);
        if (!fromEnv || blas != null) {
            Nd4j.factory().blas().setMaxThreads(parse(BLAS_PROPERTY, blas, DEFAULT_BLAS_THREADS));
        }
        if (!fromEnv || omp != null) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(parse(OMP_PROPERTY, omp, DEFAULT_OMP_THREADS));
        }
        return "OpenMP threads " + ompThreads() + ", OpenBLAS threads " + blasThreads()
                + (fromEnv ? " (environment OMP_NUM_THREADS=" + env.trim() + ")" : "");
    }

    private static int ompThreads() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    private static int blasThreads() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    /** The value {@code v} of {@code property} as a positive count, or {@code fallback} when unset. */
    static int parse(String property, String v, int fallback) {
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
