package io.github.nn4j.benchmarks;

/**
 * The JVM options of every benchmark fork, for {@code @Fork(jvmArgsAppend = ...)}.
 *
 * <p>The Vector API module lets the pure backend use its SIMD kernels (without it, the pure backend runs its
 * scalar kernels), the trap limit keeps its activation kernels allocation-free, and the larger thread
 * stack is what the app uses too. Native thread counts
 * ({@code OMP_NUM_THREADS}) are environment variables, which forks inherit from the launching JVM: see
 * {@code run.sh}.
 */
public final class ForkSettings {
    /** Makes {@code jdk.incubator.vector} available, enabling the pure backend's SIMD path. */
    public static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    /**
     * Raises C2's per-compilation trap limit so that the pure backend's long SIMD activation loops stay
     * intrinsified (without it they box every vector in some JVM runs); the launcher passes it too.
     */
    public static final String TRAP_LIMIT = "-XX:PerMethodTrapLimit=10000";
    /** Thread stack size used by the app. */
    public static final String THREAD_STACK = "-Xss16m";

    private ForkSettings() {
    }
}
