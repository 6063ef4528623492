package io.github.nn4j.benchmarks.training;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The CPU threads DL4J's ND4J runtime uses in a benchmark fork: OpenMP threads (libnd4j's own kernels) and
 * OpenBLAS threads (GEMM). System properties {@value #OMP_PROPERTY} and {@value #BLAS_PROPERTY} set them after
 * ND4J has loaded; unset, ND4J keeps what it chose at start-up (from {@code OMP_NUM_THREADS}, else one per core).
 */
public final class Dl4jThreads {
    /** System property: OpenMP threads of libnd4j kernels. */
    static final String OMP_PROPERTY = "nn4j.bench.dl4j.ompThreads";
    /** System property: OpenBLAS threads. */
    static final String BLAS_PROPERTY = "nn4j.bench.dl4j.blasThreads";

    private Dl4jThreads() {
    }

    /** Applies the properties that are set; returns the resulting counts, e.g. {@code "OpenMP 1, OpenBLAS 2"}. */
    static String apply() {
        Integer omp = setting(OMP_PROPERTY);
        Integer blas = setting(BLAS_PROPERTY);
        if (omp != null) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(omp);
        }
        if (blas != null) {
            Nd4j.factory().blas().setMaxThreads(blas);
        }
        return describe();
    }

    /** The current counts, e.g. {@code "OpenMP 1, OpenBLAS 2"}; loads ND4J if needed. */
    public static String describe() {
        return "OpenMP " + NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads() + ", OpenBLAS "
                + Nd4j.factory().blas().getMaxThreads();
    }

    private static Integer setting(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            return null;
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
