package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.HeapArrayBackend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;

/**
 * The jblas backend: matrix products through jblas's native BLAS (the OpenBLAS statically linked into
 * {@code libjblas.so}, single-threaded), everything else as plain Java loops over on-heap row-major arrays
 * ({@link FloatKernels}, {@link DoubleKernels}).
 *
 * <p>Obtain it through {@link io.github.nn4j.api.backend.Backends} (name {@value JblasBackendProvider#NAME}),
 * which creates it only after {@link JblasNativeLibrary} has proved that the native library loads and
 * multiplies correctly. Stateless apart from the tensors, hence thread-safe; matrix products from concurrent
 * callers run one at a time (see {@link RowMajorGemm}).
 */
final class JblasBackend extends HeapArrayBackend {
    private final String description;

    JblasBackend(String description) {
        this.description = description;
    }

    @Override
    public String name() {
        return JblasBackendProvider.NAME;
    }

    @Override
    public String description() {
        return description;
    }

    // ------------------------------------------------------------------------------------ linear algebra

    @Override
    protected void gemmKernel(double alpha, Tensor a, boolean transA, Tensor b, boolean transB, double beta, Tensor c) {
        int m = c.shape().rows();
        int n = c.shape().cols();
        int k = transA ? a.shape().rows() : a.shape().cols();
        if (isFloat(c)) {
            RowMajorGemm.sgemm(m, n, k, (float) alpha, floats(a), a.shape().cols(), transA, floats(b), b.shape().cols(), transB,
                    (float) beta, floats(c));
        } else {
            RowMajorGemm.dgemm(m, n, k, alpha, doubles(a), a.shape().cols(), transA, doubles(b), b.shape().cols(), transB,
                    beta, doubles(c));
        }
    }

    @Override
    protected void transposeKernel(Tensor a, Tensor out) {
        if (isFloat(a)) {
            FloatKernels.transpose(floats(a), a.shape().rows(), a.shape().cols(), floats(out));
        } else {
            DoubleKernels.transpose(doubles(a), a.shape().rows(), a.shape().cols(), doubles(out));
        }
    }

    // ------------------------------------------------------------------------------------ element-wise

    @Override
    protected void binaryKernel(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        if (isFloat(a)) {
            FloatKernels.binary(op, floats(a), floats(b), floats(out));
        } else {
            DoubleKernels.binary(op, doubles(a), doubles(b), doubles(out));
        }
    }

    @Override
    protected void scalarKernel(ScalarOp op, Tensor a, double s, Tensor out) {
        if (isFloat(a)) {
            FloatKernels.scalar(op, floats(a), (float) s, floats(out));
        } else {
            DoubleKernels.scalar(op, doubles(a), s, doubles(out));
        }
    }

    @Override
    protected void unaryKernel(UnaryOp op, Tensor a, Tensor out) {
        if (isFloat(a)) {
            FloatKernels.unary(op, floats(a), floats(out));
        } else {
            DoubleKernels.unary(op, doubles(a), doubles(out));
        }
    }

    @Override
    protected void activationKernel(Activation fn, Tensor x, Tensor y) {
        if (isFloat(x)) {
            FloatKernels.activation(fn, floats(x), floats(y));
        } else {
            DoubleKernels.activation(fn, doubles(x), doubles(y));
        }
    }

    @Override
    protected void activationBackwardKernel(Activation fn, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        if (isFloat(x)) {
            FloatKernels.activationBackward(fn, floats(x), floats(y), floats(dy), floats(dx));
        } else {
            DoubleKernels.activationBackward(fn, doubles(x), doubles(y), doubles(dy), doubles(dx));
        }
    }

    @Override
    protected void addRowVectorKernel(Tensor a, Tensor row, Tensor out) {
        if (isFloat(a)) {
            FloatKernels.addRowVector(floats(a), floats(row), floats(out));
        } else {
            DoubleKernels.addRowVector(doubles(a), doubles(row), doubles(out));
        }
    }

    @Override
    protected void axpyKernel(double alpha, Tensor x, Tensor y) {
        if (isFloat(x)) {
            FloatKernels.axpy((float) alpha, floats(x), floats(y));
        } else {
            DoubleKernels.axpy(alpha, doubles(x), doubles(y));
        }
    }

    // ------------------------------------------------------------------------------------ reductions

    @Override
    protected double reduceKernel(Reduction r, Tensor a) {
        return isFloat(a) ? FloatKernels.reduce(r, floats(a)) : DoubleKernels.reduce(r, doubles(a));
    }

    @Override
    protected void sumAlongKernel(int axis, Tensor a, Tensor out) {
        int rows = a.shape().rows();
        int cols = a.shape().cols();
        if (isFloat(a)) {
            FloatKernels.sumAlong(axis, floats(a), rows, cols, floats(out));
        } else {
            DoubleKernels.sumAlong(axis, doubles(a), rows, cols, doubles(out));
        }
    }
}
