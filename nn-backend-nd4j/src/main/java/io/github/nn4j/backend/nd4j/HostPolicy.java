package io.github.nn4j.backend.nd4j;

/**
 * Decides which kernels run in Java on host memory (nn-api's default kernels) instead of as ND4J ops
 * ({@link NativeKernels}).
 *
 * <p>An ND4J op costs microseconds before it touches an element; a Java loop on the same off-heap memory costs
 * about a nanosecond per element. Measured on this project's machine (CPU time of the calling thread per call,
 * ND4J with one OpenMP and one OpenBLAS thread, FLOAT32/FLOAT64 alike; the {@code host-policy} tool of
 * nn-benchmarks, figures in the module README): ND4J's fixed cost is 8-12 µs for pairwise and scalar ops, 18 µs for
 * a row broadcast, 2-3 µs for exp/sigmoid/tanh, 1 µs for BLAS axpy. The crossovers, and so the thresholds below: about 256 elements for
 * exp, log, sigmoid and tanh; about 16,384 for other element-wise work; about 1,000 for axpy. ND4J's
 * activation-gradient ops recompute the function from {@code x} and were 5-10 times slower than the Java loop at
 * every size, so activation gradients always run in Java on host memory. Matrix products on host memory call
 * OpenBLAS directly at every size ({@link HostBlas}). Without all this, XOR (4x2 matrices, 20,000 epochs, about
 * 30 operations each) would spend seconds in dispatch.
 *
 * <p>Reductions and memory copies also always run on host memory when it is available (double accumulation, NaN
 * semantics, block copies). With {@link #nativeOnly()}, tensors get no host view at all and every kernel is an
 * ND4J op: what runs on a GPU, and how the tests exercise that path on a CPU.
 */
final class HostPolicy {
    /** Largest element count for which exp, log, sigmoid and tanh run in Java. */
    static final int TRANSCENDENTAL_MAX = 256;
    /** Largest element count for which other element-wise work (add, scale, ReLU, broadcasts, sums ...) runs in Java. */
    static final int ARITHMETIC_MAX = 16_384;
    /** Largest element count for which axpy runs in Java (ND4J calls BLAS axpy almost directly). */
    static final int AXPY_MAX = 1_024;
    /**
     * System property choosing the policy on a CPU, for diagnostics and measurements: {@code auto} (the default, the
     * thresholds above), {@code java} (every element-wise kernel in Java on host memory) or {@code nd4j} (every kernel
     * an ND4J op, as on a GPU).
     */
    static final String KERNELS_PROPERTY = "nn4j.nd4j.kernels";

    private final boolean hostViews;
    private final int transcendentalMax;
    private final int arithmeticMax;
    private final int axpyMax;
    private final boolean hostBlas;

    private HostPolicy(boolean hostViews, int transcendentalMax, int arithmeticMax, int axpyMax, boolean hostBlas) {
        this.hostViews = hostViews;
        this.transcendentalMax = transcendentalMax;
        this.arithmeticMax = arithmeticMax;
        this.axpyMax = axpyMax;
        this.hostBlas = hostBlas;
    }

    /**
     * The measured thresholds above, for memory the CPU can address; {@code hostBlas}: whether {@link HostBlas}
     * passed its self-test (else products go through ND4J).
     */
    static HostPolicy standard(boolean hostBlas) {
        return new HostPolicy(true, TRANSCENDENTAL_MAX, ARITHMETIC_MAX, AXPY_MAX, hostBlas);
    }

    /**
     * The policy {@value #KERNELS_PROPERTY} asks for on memory the CPU can address; {@code hostBlas}: whether
     * {@link HostBlas} passed its self-test. An {@link IllegalArgumentException} names the property and the values
     * when {@code value} is none of them.
     */
    static HostPolicy forSetting(String value, boolean hostBlas) {
        String v = value == null ? "" : value.trim();
        switch (v) {
            case "":
            case "auto":
                return standard(hostBlas);
            case "java":
                return new HostPolicy(true, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, hostBlas);
            case "nd4j":
                return nativeOnly();
            default:
                throw new IllegalArgumentException("System property " + KERNELS_PROPERTY + "='" + value
                        + "' is not one of auto, java, nd4j");
        }
    }

    /** Every kernel an ND4J op, no host views: for device memory (GPU). */
    static HostPolicy nativeOnly() {
        return new HostPolicy(false, -1, -1, -1, false);
    }

    /** Every element-wise kernel in Java on host memory, products by {@link HostBlas} (tests on large shapes). */
    static HostPolicy hostOnly() {
        return new HostPolicy(true, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, true);
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

    boolean axpyInJava(int size) {
        return size <= axpyMax;
    }

    /** Whether matrix products call OpenBLAS directly on host memory. */
    boolean gemmOnHost() {
        return hostBlas;
    }

    @Override
    public String toString() {
        if (!hostViews) {
            return "all work as ND4J ops";
        }
        String gemm = hostBlas ? "GEMM by OpenBLAS on the arrays' memory" : "GEMM by ND4J";
        if (arithmeticMax == Integer.MAX_VALUE) {
            return "all element-wise work in Java on the off-heap memory, " + gemm;
        }
        return "small element-wise work in Java on the off-heap memory (exp/log/sigmoid/tanh <= " + transcendentalMax
                + " elements, other <= " + arithmeticMax + ", axpy <= " + axpyMax + "), " + gemm;
    }
}
