package io.github.nn4j.backend.pure;

import jdk.incubator.vector.FloatVector;

/**
 * Creates the SIMD kernel set. This class and every {@code Vector...} class refer to the incubating
 * Vector API, so {@link KernelSelection} loads this one by name, and only when the module is present.
 */
final class VectorKernels {
    private VectorKernels() {
    }

    /** The SIMD kernels, sharing {@code executor} for parallel GEMM and exp/sigmoid/tanh (called reflectively). */
    static Kernels create(TileExecutor executor) {
        ParallelFunctions functions = new ParallelFunctions(executor);
        return new Kernels(new VectorFloatKernels(new VectorFloatGemm(executor), functions),
                new VectorDoubleKernels(new VectorDoubleGemm(executor), functions),
                "Vector API " + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit");
    }
}
