package io.github.nn4j.backend.pure;

/**
 * One complete set of kernels, FLOAT32 and FLOAT64, with a short description of how they compute
 * (for {@link PureBackend#description()}).
 */
record Kernels(FloatKernels floats, DoubleKernels doubles, String path) {

    /** The plain-Java kernels, which run on every JVM. */
    static Kernels scalar(TileExecutor executor) {
        return new Kernels(new ScalarFloatKernels(new ScalarFloatGemm(executor)),
                new ScalarDoubleKernels(new ScalarDoubleGemm(executor)),
                "scalar (run with --add-modules " + KernelSelection.VECTOR_MODULE + " for SIMD)");
    }
}
