package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;

/**
 * The jblas backend: matrix products through jblas's native BLAS (the OpenBLAS statically linked into
 * {@code libjblas.so}, single-threaded), everything else as plain Java loops over on-heap row-major arrays
 * ({@link FloatKernels}, {@link DoubleKernels}).
 *
 * <p>Obtain it through {@link io.github.nn4j.api.backend.Backends} (name {@value JblasBackendProvider#NAME}),
 * which creates it only after {@link JblasNativeLibrary} has proved that the native library loads and
 * multiplies correctly. Stateless apart from the tensors, hence thread-safe.
 */
final class JblasBackend extends Backend {
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

    private static JblasTensor t(Tensor x) {
        return (JblasTensor) x;
    }

    private static boolean isFloat(Tensor x) {
        return x.dtype() == DType.FLOAT32;
    }

    private static float[] f(Tensor x) {
        return t(x).floats();
    }

    private static double[] d(Tensor x) {
        return t(x).doubles();
    }

    // ------------------------------------------------------------------------------------ creation and transfer

    @Override
    protected Tensor zerosKernel(DType dtype, Shape shape) {
        return dtype == DType.FLOAT32 ? JblasTensor.ofFloats(this, shape, new float[shape.size()])
                : JblasTensor.ofDoubles(this, shape, new double[shape.size()]);
    }

    @Override
    protected Tensor fromArrayKernel(float[] data, Shape shape) {
        return JblasTensor.ofFloats(this, shape, data.clone());
    }

    @Override
    protected Tensor fromArrayKernel(double[] data, Shape shape) {
        return JblasTensor.ofDoubles(this, shape, data.clone());
    }

    @Override
    protected void readKernel(Tensor x, float[] dst) {
        if (isFloat(x)) {
            System.arraycopy(f(x), 0, dst, 0, dst.length);
        } else {
            double[] src = d(x);
            for (int i = 0; i < dst.length; i++) {
                dst[i] = (float) src[i];
            }
        }
    }

    @Override
    protected void readKernel(Tensor x, double[] dst) {
        if (isFloat(x)) {
            float[] src = f(x);
            for (int i = 0; i < dst.length; i++) {
                dst[i] = src[i];
            }
        } else {
            System.arraycopy(d(x), 0, dst, 0, dst.length);
        }
    }

    @Override
    protected void writeKernel(Tensor x, float[] src) {
        if (isFloat(x)) {
            System.arraycopy(src, 0, f(x), 0, src.length);
        } else {
            double[] dst = d(x);
            for (int i = 0; i < src.length; i++) {
                dst[i] = src[i];
            }
        }
    }

    @Override
    protected void writeKernel(Tensor x, double[] src) {
        if (isFloat(x)) {
            float[] dst = f(x);
            for (int i = 0; i < src.length; i++) {
                dst[i] = (float) src[i];
            }
        } else {
            System.arraycopy(src, 0, d(x), 0, src.length);
        }
    }

    @Override
    protected void copyKernel(Tensor src, Tensor dst) {
        if (isFloat(src)) {
            System.arraycopy(f(src), 0, f(dst), 0, src.size());
        } else {
            System.arraycopy(d(src), 0, d(dst), 0, src.size());
        }
    }

    @Override
    protected void fillKernel(Tensor x, double value) {
        if (isFloat(x)) {
            FloatKernels.fill(f(x), (float) value);
        } else {
            DoubleKernels.fill(d(x), value);
        }
    }

    // ------------------------------------------------------------------------------------ linear algebra

    @Override
    protected void gemmKernel(double alpha, Tensor a, boolean transA, Tensor b, boolean transB, double beta, Tensor c) {
        int m = c.shape().rows();
        int n = c.shape().cols();
        int k = transA ? a.shape().rows() : a.shape().cols();
        if (isFloat(c)) {
            RowMajorGemm.sgemm(m, n, k, (float) alpha, f(a), a.shape().cols(), transA, f(b), b.shape().cols(), transB,
                    (float) beta, f(c));
        } else {
            RowMajorGemm.dgemm(m, n, k, alpha, d(a), a.shape().cols(), transA, d(b), b.shape().cols(), transB,
                    beta, d(c));
        }
    }

    @Override
    protected void transposeKernel(Tensor a, Tensor out) {
        if (isFloat(a)) {
            FloatKernels.transpose(f(a), a.shape().rows(), a.shape().cols(), f(out));
        } else {
            DoubleKernels.transpose(d(a), a.shape().rows(), a.shape().cols(), d(out));
        }
    }

    // ------------------------------------------------------------------------------------ element-wise

    @Override
    protected void binaryKernel(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        if (isFloat(a)) {
            FloatKernels.binary(op, f(a), f(b), f(out));
        } else {
            DoubleKernels.binary(op, d(a), d(b), d(out));
        }
    }

    @Override
    protected void scalarKernel(ScalarOp op, Tensor a, double s, Tensor out) {
        if (isFloat(a)) {
            FloatKernels.scalar(op, f(a), (float) s, f(out));
        } else {
            DoubleKernels.scalar(op, d(a), s, d(out));
        }
    }

    @Override
    protected void unaryKernel(UnaryOp op, Tensor a, Tensor out) {
        if (isFloat(a)) {
            FloatKernels.unary(op, f(a), f(out));
        } else {
            DoubleKernels.unary(op, d(a), d(out));
        }
    }

    @Override
    protected void activationKernel(Activation fn, Tensor x, Tensor y) {
        if (isFloat(x)) {
            FloatKernels.activation(fn, f(x), f(y));
        } else {
            DoubleKernels.activation(fn, d(x), d(y));
        }
    }

    @Override
    protected void activationBackwardKernel(Activation fn, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        if (isFloat(x)) {
            FloatKernels.activationBackward(fn, f(x), f(y), f(dy), f(dx));
        } else {
            DoubleKernels.activationBackward(fn, d(x), d(y), d(dy), d(dx));
        }
    }

    @Override
    protected void addRowVectorKernel(Tensor a, Tensor row, Tensor out) {
        if (isFloat(a)) {
            FloatKernels.addRowVector(f(a), f(row), f(out));
        } else {
            DoubleKernels.addRowVector(d(a), d(row), d(out));
        }
    }

    @Override
    protected void axpyKernel(double alpha, Tensor x, Tensor y) {
        if (isFloat(x)) {
            FloatKernels.axpy((float) alpha, f(x), f(y));
        } else {
            DoubleKernels.axpy(alpha, d(x), d(y));
        }
    }

    // ------------------------------------------------------------------------------------ reductions and rows

    @Override
    protected double reduceKernel(Reduction r, Tensor a) {
        return isFloat(a) ? FloatKernels.reduce(r, f(a)) : DoubleKernels.reduce(r, d(a));
    }

    @Override
    protected void sumAlongKernel(int axis, Tensor a, Tensor out) {
        int rows = a.shape().rows();
        int cols = a.shape().cols();
        if (isFloat(a)) {
            FloatKernels.sumAlong(axis, f(a), rows, cols, f(out));
        } else {
            DoubleKernels.sumAlong(axis, d(a), rows, cols, d(out));
        }
    }

    @Override
    protected void gatherRowsKernel(Tensor src, int[] indices, int offset, int count, Tensor dst) {
        int rowLength = src.size() / src.shape().dim(0);
        if (isFloat(src)) {
            FloatKernels.gatherRows(f(src), rowLength, indices, offset, count, f(dst));
        } else {
            DoubleKernels.gatherRows(d(src), rowLength, indices, offset, count, d(dst));
        }
    }

    @Override
    protected void copyRowsKernel(Tensor src, int srcRow, Tensor dst, int dstRow, int count) {
        int rowLength = src.size() / src.shape().dim(0);
        if (isFloat(src)) {
            System.arraycopy(f(src), srcRow * rowLength, f(dst), dstRow * rowLength, count * rowLength);
        } else {
            System.arraycopy(d(src), srcRow * rowLength, d(dst), dstRow * rowLength, count * rowLength);
        }
    }
}
