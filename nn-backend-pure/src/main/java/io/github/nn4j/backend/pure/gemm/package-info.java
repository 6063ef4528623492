/**
 * The pure backend's blocked matrix product: {@link io.github.nn4j.backend.pure.gemm.FloatGemm} and
 * {@link io.github.nn4j.backend.pure.gemm.DoubleGemm} cut a product into tiles and cache blocks
 * ({@link io.github.nn4j.backend.pure.gemm.GemmBlocking}, sized for the caches that
 * {@link io.github.nn4j.backend.pure.gemm.CacheSizes} reads), pack the operands, share the tiles among threads and
 * run a micro-kernel ({@link io.github.nn4j.backend.pure.gemm.FloatMicroKernel}) on every register block. The
 * micro-kernel is the only part that depends on the register tile's shape: a new shape is a new subclass (the scalar
 * 4 x 4 one is here; the SIMD ones, one per {@link io.github.nn4j.backend.pure.gemm.KernelShape}, are generated in
 * {@code io.github.nn4j.backend.pure.simd}). Internal to the pure backend.
 */
package io.github.nn4j.backend.pure.gemm;
