package io.github.nn4j.backend.nd4j;

/**
 * Decides which kernels run in Java on host memory ({@link HostKernels}) instead of as ND4J ops
 * ({@link NativeKernels}).
 *
 * <p>An ND4J op costs microseconds of dispatch before it touches an element (measured on this project's
 * machine: 1-2 µs for a transform such as sigmoid, 6-20 µs for a pairwise op, more for broadcasts and GEMM);
 * a Java loop on the same off-heap memory costs nanoseconds per element. Below the thresholds here the Java loop
 * is faster; above them ND4J's multi-threaded, vectorised kernels win. Without this, XOR (4x2 matrices, 20,000
 * epochs, about 30 operations each) would spend seconds in dispatch.
 *
 * <p>Reductions and memory copies always run on host memory when it is available (double accumulation, NaN
 * semantics, block copies). With {@link #nativeOnly()}, tensors get no host view at all and every kernel is an
 * ND4J op: what runs on a GPU, and how the tests exercise that path on a CPU.
 */
final class HostPolicy {
    /** Largest element count for which transcendental element-wise work (exp, log, sigmoid, tanh ...) stays in Java. */
    static final int TRANSCENDENTAL_MAX = 256;
    /** Largest element count for which other element-wise work (add, scale, ReLU, broadcasts ...) stays in Java. */
    static final int ARITHMETIC_MAX = 16_384;
    /** Largest {@code m * n * k} for which a matrix product stays in Java. */
    static final long GEMM_MAX = 8_192;

    private final boolean hostViews;
    private final int transcendentalMax;
    private final int arithmeticMax;
    private final long gemmMax;

    private HostPolicy(boolean hostViews, int transcendentalMax, int arithmeticMax, long gemmMax) {
        this.hostViews = hostViews;
        this.transcendentalMax = transcendentalMax;
        this.arithmeticMax = arithmeticMax;
        this.gemmMax = gemmMax;
    }

    /** The measured thresholds above, for memory the CPU can address. */
    static HostPolicy standard() {
        return new HostPolicy(true, TRANSCENDENTAL_MAX, ARITHMETIC_MAX, GEMM_MAX);
    }

    /** Every kernel an ND4J op, no host views: for device memory (GPU). */
    static HostPolicy nativeOnly() {
        return new HostPolicy(false, -1, -1, -1);
    }

    /** Every kernel in Java on host memory (tests of {@link HostKernels} on large shapes). */
    static HostPolicy hostOnly() {
        return new HostPolicy(true, Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Whether tensors get a {@link HostView}. */
    boolean hostViews() {
        return hostViews;
    }

    boolean transcendentalInJava(int size) {
        return size <= transcendentalMax;
    }

    boolean arithmeticInJava(int size) {
        return size <= arithmeticMax;
    }

    boolean gemmInJava(int m, int n, int k) {
        return (long) m * n * k <= gemmMax;
    }

    @Override
    public String toString() {
        if (!hostViews) {
            return "all work as ND4J ops";
        }
        return "small work in Java on the off-heap memory (transcendental <= " + transcendentalMax
                + " elements, arithmetic <= " + arithmeticMax + ", GEMM m*n*k <= " + gemmMax + ")";
    }
}
