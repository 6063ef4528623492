/**
 * The pure backend's kernels on the incubating Vector API, at the platform's preferred vector width: element-wise
 * operations and max/min ({@link io.github.nn4j.backend.pure.simd.VectorFloatKernels}), sums in double precision
 * ({@link io.github.nn4j.backend.pure.simd.VectorFloatSums}), exp, sigmoid and tanh with the same bits in every
 * execution mode ({@code VectorFunctions}, on all threads for large arrays through
 * {@link io.github.nn4j.backend.pure.simd.ParallelFunctions}), and the GEMM micro-kernel
 * ({@link io.github.nn4j.backend.pure.simd.VectorFloatMicroKernel}). Every class here refers to
 * {@code jdk.incubator.vector}, so none is loaded unless the module is present. The last elements of every loop go
 * to nn-api's plain-Java kernels. Internal to the pure backend; why the code is shaped as it is for the JIT:
 * {@code docs/jit-notes.md}.
 */
package io.github.nn4j.backend.pure.simd;
