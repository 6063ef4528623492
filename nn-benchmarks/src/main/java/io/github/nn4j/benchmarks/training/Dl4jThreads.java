package io.github.nn4j.benchmarks.training;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The CPU threads DL4J's ND4J runtime uses in a benchmark fork: OpenMP threads (libnd4j's own kernels) and
 * OpenBLAS threads (GEMM).
 *
 * <p>DL4J is benchmarked in its fastest configuration on the 2-core development machine: one OpenMP and one
 * OpenBLAS thread, what {@code OMP_NUM_THREADS=1} gives (an epoch in ~2.7 s; its defaults, one thread per core in
 * each pool, oversubscribe the cores and take ~8.9 s). So when {@code OMP_NUM_THREADS} is unset or empty,
 * {@link #apply()} sets both pools to one thread; when it is set, ND4J has applied it at start-up and it stays.
 * The system properties {@value #OMP_PROPERTY} and {@value #BLAS_PROPERTY} win over both, for experiments.
 */
public final class Dl4jThreads {
    /** System property: OpenMP threads of libnd4j kernels. */
    static final String OMP_PROPERTY = "nn4j.bench.dl4j.ompThreads";
    /** System property: OpenBLAS threads. */
    static final String BLAS_PROPERTY = "nn4j.bench.dl4j.blasThreads";

    private Dl4jThreads() {
    }

    /** Applies the rule above; returns the resulting counts, e.g. {@code "OpenMP 1, OpenBLAS 1"}. */
    public static String apply() {
        String env = System.getenv("OMP_NUM_THREADS");
        Integer fallback = env == null || env.isBlank() ? 1 : null;
        Integer omp = setting(OMP_PROPERTY, fallback);
        Integer blas = setting(BLAS_PROPERTY, fallback);
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

    private static Integer setting(String property, Integer fallback) {
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
