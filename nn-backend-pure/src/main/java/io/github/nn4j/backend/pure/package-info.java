/**
 * The pure-Java backend: dependency-free kernels, SIMD on the Vector API where the JVM has it.
 *
 * <h2>Layers</h2>
 * <pre>
 *  PureBackendProvider ─ PureOptions          selection: settings, and which kernels this JVM can run
 *          │
 *   KernelSelection ──► PureBackend           scalar: nn-api's default kernels + a blocked GEMM
 *                   └─► SimdPureBackend       SIMD: the same, with the SIMD micro-kernel and element-wise kernels
 *                           │
 *          ┌────────────────┴──────────────┐
 *   gemm.FloatGemm / DoubleGemm        simd.VectorFloatKernels, VectorFloatSums,   kernel families
 *     │ (tiles, KC/MC/NC blocks from        VectorFunctions + ParallelKernels
 *     │  gemm.CacheSizes: GemmBlocking)         (large arrays on all threads)
 *     ▼
 *   threads.TileExecutor                   executor: tiles of one operation on all threads
 *     ▼
 *   gemm.FloatMicroKernel                  micro-kernel: ScalarFloatMicroKernel (4 x 4),
 *                                           simd.VectorFloatMicroKernel6x2, 8x2, ... (one per
 *                                           gemm.KernelShape, generated; 6 x 2 vectors with
 *                                           16 registers, 8 x 2 with 32)
 * </pre>
 * A forward GEMM goes {@code Backend.gemm} → {@code PureBackend.gemmKernel} → {@code FloatGemm.gemm} (→
 * {@code TileExecutor} for large products) → {@code FloatMicroKernel.multiply}; an element-wise operation on the SIMD
 * path {@code Backend.activation} → {@code SimdPureBackend.activationKernel} → {@code VectorFloatKernels.activation},
 * on the scalar path nn-api's {@code FloatArrayKernels}.
 *
 * <h2>One source per precision</h2>
 * Every FLOAT32 class that has a FLOAT64 twin ({@code FloatGemm}, {@code FloatMicroKernel},
 * {@code ScalarFloatMicroKernel}, {@code VectorFloatKernels}) is generated from it and marked {@code @Generated}; edit
 * the {@code Double...} file and regenerate ({@code io.github.nn4j.api.codegen.Float32Generator}). The SIMD
 * micro-kernels, one class per register-tile shape and precision, are generated from one template
 * ({@code MicroKernelGenerator} in the module's test sources). The sums ({@code VectorFloatSums},
 * {@code VectorDoubleSums}) and {@code VectorFunctions} differ between the precisions by design and are written by
 * hand.
 *
 * <p>The module README draws the same map with the settings and the numbers; JIT notes (why the SIMD code is shaped
 * as it is): {@code docs/jit-notes.md}. The sub-packages are internal: public only so that these packages can use one
 * another, not an API.
 */
package io.github.nn4j.backend.pure;
