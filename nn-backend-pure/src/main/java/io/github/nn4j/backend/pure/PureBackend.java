package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.HeapArrayBackend;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.backend.pure.gemm.DoubleGemm;
import io.github.nn4j.backend.pure.gemm.FloatGemm;
import io.github.nn4j.backend.pure.gemm.GemmBlocking;
import io.github.nn4j.backend.pure.gemm.ScalarDoubleMicroKernel;
import io.github.nn4j.backend.pure.gemm.ScalarFloatMicroKernel;
import io.github.nn4j.backend.pure.threads.TileExecutor;

/**
 * The dependency-free backend: tensors are on-heap row-major {@code float[]}/{@code double[]} arrays and every
 * kernel is Java code. This class is the scalar backend: a blocked, multi-threaded GEMM of its own, and nn-api's
 * plain-Java defaults for everything else. Where the JVM has the Vector API, {@link SimdPureBackend} replaces the
 * GEMM's micro-kernel and the element-wise kernels by SIMD ones. Large matrix products (and, on the SIMD path,
 * exp/sigmoid/tanh of large arrays) use {@code nn4j.pure.threads} threads (default: all processors) and give
 * bit-identical results for any thread count; see {@link #description()} for what runs.
 *
 * <p>Obtain it through {@link io.github.nn4j.api.backend.Backends#get(String) Backends.get("pure")}. Thread-safe:
 * concurrent operations on distinct outputs are allowed.
 */
public sealed class PureBackend extends HeapArrayBackend permits SimdPureBackend {
    private final FloatGemm floatGemm;
    private final DoubleGemm doubleGemm;
    private final String path;
    private final String description;

    /** The scalar backend, its GEMM sharing {@code executor}'s threads. */
    PureBackend(int threads, TileExecutor executor) {
        this(threads, new FloatGemm(new ScalarFloatMicroKernel(), GemmBlocking.scalar(), executor),
                new DoubleGemm(new ScalarDoubleMicroKernel(), GemmBlocking.scalar(), executor),
                "scalar (run with --add-modules " + PureOptions.VECTOR_MODULE + " for SIMD)");
    }

    /** A backend with the given GEMMs; {@code path} says how it computes, for {@link #description()}. */
    PureBackend(int threads, FloatGemm floatGemm, DoubleGemm doubleGemm, String path) {
        this.floatGemm = floatGemm;
        this.doubleGemm = doubleGemm;
        this.path = path;
        this.description = "pure Java, " + path + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public final String name() {
        return PureBackendProvider.NAME;
    }

    /** E.g. "pure Java, Vector API 512-bit, GEMM 8x2 (kc 256, mc 128, nc 512), 2 threads". */
    @Override
    public final String description() {
        return description;
    }

    /** How the kernels compute, e.g. "Vector API 512-bit, GEMM 8x2 (kc 256, mc 128, nc 512)". */
    final String path() {
        return path;
    }

    @Override
    protected final void gemmKernel(double alpha, Tensor a, boolean transA, Tensor b, boolean transB, double beta,
                                    Tensor c) {
        int m = c.shape().rows();
        int n = c.shape().cols();
        int k = transA ? a.shape().rows() : a.shape().cols();
        if (isFloat(c)) {
            // beta == 0 must ignore c even if beta only rounds to a float zero elsewhere: decide on the double.
            floatGemm.gemm((float) alpha, floats(a), transA, floats(b), transB, beta == 0.0 ? 0f : (float) beta,
                    floats(c), m, n, k);
        } else {
            doubleGemm.gemm(alpha, doubles(a), transA, doubles(b), transB, beta, doubles(c), m, n, k);
        }
    }
}
