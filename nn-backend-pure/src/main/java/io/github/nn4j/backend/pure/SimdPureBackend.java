package io.github.nn4j.backend.pure;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;
import io.github.nn4j.backend.pure.gemm.CacheSizes;
import io.github.nn4j.backend.pure.gemm.DoubleGemm;
import io.github.nn4j.backend.pure.gemm.DoubleMicroKernel;
import io.github.nn4j.backend.pure.gemm.FloatGemm;
import io.github.nn4j.backend.pure.gemm.FloatMicroKernel;
import io.github.nn4j.backend.pure.gemm.GemmBlocking;
import io.github.nn4j.backend.pure.gemm.KernelShape;
import io.github.nn4j.backend.pure.simd.ParallelKernels;
import io.github.nn4j.backend.pure.simd.VectorDoubleKernels;
import io.github.nn4j.backend.pure.simd.VectorDoubleSums;
import io.github.nn4j.backend.pure.simd.VectorFloatKernels;
import io.github.nn4j.backend.pure.simd.VectorMicroKernels;
import io.github.nn4j.backend.pure.simd.VectorFloatSums;
import io.github.nn4j.backend.pure.threads.TileExecutor;
import jdk.incubator.vector.FloatVector;

/**
 * The pure backend on the Vector API: the GEMM with the SIMD micro-kernel, and the kernels below on whole vectors of
 * the platform's preferred width ({@code io.github.nn4j.backend.pure.simd}). Transpose and the row copies are the
 * scalar backend's. This class refers to the Vector API, so {@link KernelSelection} loads it by name, and only where
 * the module {@code jdk.incubator.vector} is present.
 */
final class SimdPureBackend extends PureBackend {
    private final ParallelKernels parallel;

    /**
     * The SIMD backend with the GEMM micro-kernel of {@code shape}, its blocks fitted to {@code caches}, the GEMM and
     * large element-wise kernels sharing {@code executor}'s threads (called reflectively).
     */
    SimdPureBackend(int threads, KernelShape shape, CacheSizes caches, TileExecutor executor) {
        super(threads, floatGemm(shape, caches, executor), doubleGemm(shape, caches, executor),
                "Vector API " + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit, GEMM " + shape + " "
                        + floatBlocking(VectorMicroKernels.floatKernel(shape), caches));
        this.parallel = new ParallelKernels(executor);
    }

    private static FloatGemm floatGemm(KernelShape shape, CacheSizes caches, TileExecutor executor) {
        FloatMicroKernel kernel = VectorMicroKernels.floatKernel(shape);
        return new FloatGemm(kernel, floatBlocking(kernel, caches), executor);
    }

    private static DoubleGemm doubleGemm(KernelShape shape, CacheSizes caches, TileExecutor executor) {
        DoubleMicroKernel kernel = VectorMicroKernels.doubleKernel(shape);
        return new DoubleGemm(kernel, GemmBlocking.forCaches(kernel.mr(), kernel.nr(), Double.BYTES, caches),
                executor);
    }

    private static GemmBlocking floatBlocking(FloatMicroKernel kernel, CacheSizes caches) {
        return GemmBlocking.forCaches(kernel.mr(), kernel.nr(), Float.BYTES, caches);
    }

    @Override
    protected void binaryKernel(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        if (isFloat(a)) {
            parallel.binary(op, floats(a), floats(b), floats(out), a.size());
        } else {
            parallel.binary(op, doubles(a), doubles(b), doubles(out), a.size());
        }
    }

    @Override
    protected void scalarKernel(ScalarOp op, Tensor a, double s, Tensor out) {
        if (isFloat(a)) {
            VectorFloatKernels.scalar(op, floats(a), (float) s, floats(out), a.size());
        } else {
            VectorDoubleKernels.scalar(op, doubles(a), s, doubles(out), a.size());
        }
    }

    @Override
    protected void unaryKernel(UnaryOp f, Tensor a, Tensor out) {
        if (isFloat(a)) {
            VectorFloatKernels.unary(f, floats(a), floats(out), a.size(), parallel);
        } else {
            VectorDoubleKernels.unary(f, doubles(a), doubles(out), a.size(), parallel);
        }
    }

    @Override
    protected void activationKernel(Activation f, Tensor x, Tensor y) {
        if (isFloat(x)) {
            VectorFloatKernels.activation(f, floats(x), floats(y), x.size(), parallel);
        } else {
            VectorDoubleKernels.activation(f, doubles(x), doubles(y), x.size(), parallel);
        }
    }

    @Override
    protected void activationBackwardKernel(Activation f, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        if (isFloat(x)) {
            parallel.activationBackward(f, floats(x), floats(y), floats(dy), floats(dx), x.size());
        } else {
            parallel.activationBackward(f, doubles(x), doubles(y), doubles(dy), doubles(dx), x.size());
        }
    }

    @Override
    protected void addRowVectorKernel(Tensor a, Tensor row, Tensor out) {
        int rows = a.shape().rows();
        int cols = a.shape().cols();
        if (isFloat(a)) {
            parallel.addRowVector(floats(a), floats(row), floats(out), rows, cols);
        } else {
            parallel.addRowVector(doubles(a), doubles(row), doubles(out), rows, cols);
        }
    }

    @Override
    protected void axpyKernel(double alpha, Tensor x, Tensor y) {
        if (isFloat(x)) {
            parallel.axpy((float) alpha, floats(x), floats(y), x.size());
        } else {
            parallel.axpy(alpha, doubles(x), doubles(y), x.size());
        }
    }

    @Override
    protected double reduceKernel(Reduction r, Tensor a) {
        return isFloat(a) ? VectorFloatKernels.reduce(r, floats(a), a.size())
                : VectorDoubleKernels.reduce(r, doubles(a), a.size());
    }

    @Override
    protected void sumAlongKernel(int axis, Tensor a, Tensor out) {
        int rows = a.shape().rows();
        int cols = a.shape().cols();
        if (isFloat(a) && axis == 0) {
            parallel.sumColumns(floats(a), rows, cols, floats(out));
        } else if (isFloat(a)) {
            VectorFloatSums.sumRows(floats(a), rows, cols, floats(out));
        } else if (axis == 0) {
            parallel.sumColumns(doubles(a), rows, cols, doubles(out));
        } else {
            VectorDoubleSums.sumRows(doubles(a), rows, cols, doubles(out));
        }
    }
}
