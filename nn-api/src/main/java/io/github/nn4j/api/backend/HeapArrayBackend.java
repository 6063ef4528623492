package io.github.nn4j.api.backend;

import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Arrays;

/**
 * A base for backends whose tensors are on-heap row-major primitive arrays ({@code float[]} for
 * {@link DType#FLOAT32}, {@code double[]} for {@link DType#FLOAT64}), as the pure-Java and jblas backends keep
 * them. It implements creation, transfer, copy, fill and the row operations, which are array copies for any
 * such backend; a subclass implements the compute kernels (GEMM, element-wise, reductions) on the arrays it
 * gets from {@link #floats(Tensor)} and {@link #doubles(Tensor)}.
 *
 * <p>Row-major order is the contract: element {@code (i, j)} of an {@code [r, c]} tensor is at {@code i * c + j},
 * and a tensor of higher rank is laid out as the matrix of its first dimension by the product of the others.
 * Thread-safety as for {@link Backend}: this class keeps no state besides the tensors.
 */
public abstract class HeapArrayBackend extends Backend {

    /** For subclasses. */
    protected HeapArrayBackend() {
    }

    /**
     * The elements of a FLOAT32 tensor of this kind of backend (for kernels, after validation).
     *
     * @param t a FLOAT32 tensor created by this kind of backend
     * @return its backing array (not a copy)
     */
    protected static float[] floats(Tensor t) {
        return ((HeapArrayTensor) t).floats();
    }

    /**
     * The elements of a FLOAT64 tensor of this kind of backend (for kernels, after validation).
     *
     * @param t a FLOAT64 tensor created by this kind of backend
     * @return its backing array (not a copy)
     */
    protected static double[] doubles(Tensor t) {
        return ((HeapArrayTensor) t).doubles();
    }

    /**
     * {@return whether {@code t} is FLOAT32 (else FLOAT64)}
     *
     * @param t a tensor created by this kind of backend
     */
    protected static boolean isFloat(Tensor t) {
        return t.dtype() == DType.FLOAT32;
    }

    @Override
    protected final Tensor zerosKernel(DType dtype, Shape shape) {
        return dtype == DType.FLOAT32
                ? new HeapArrayTensor(this, shape, new float[shape.size()])
                : new HeapArrayTensor(this, shape, new double[shape.size()]);
    }

    @Override
    protected final Tensor fromArrayKernel(float[] data, Shape shape) {
        return new HeapArrayTensor(this, shape, data.clone());
    }

    @Override
    protected final Tensor fromArrayKernel(double[] data, Shape shape) {
        return new HeapArrayTensor(this, shape, data.clone());
    }

    @Override
    protected final void readKernel(Tensor t, float[] dst) {
        if (isFloat(t)) {
            System.arraycopy(floats(t), 0, dst, 0, dst.length);
        } else {
            double[] src = doubles(t);
            for (int i = 0; i < dst.length; i++) {
                dst[i] = (float) src[i];
            }
        }
    }

    @Override
    protected final void readKernel(Tensor t, double[] dst) {
        if (isFloat(t)) {
            float[] src = floats(t);
            for (int i = 0; i < dst.length; i++) {
                dst[i] = src[i];
            }
        } else {
            System.arraycopy(doubles(t), 0, dst, 0, dst.length);
        }
    }

    @Override
    protected final void writeKernel(Tensor t, float[] src) {
        if (isFloat(t)) {
            System.arraycopy(src, 0, floats(t), 0, src.length);
        } else {
            double[] dst = doubles(t);
            for (int i = 0; i < src.length; i++) {
                dst[i] = src[i];
            }
        }
    }

    @Override
    protected final void writeKernel(Tensor t, double[] src) {
        if (isFloat(t)) {
            float[] dst = floats(t);
            for (int i = 0; i < src.length; i++) {
                dst[i] = (float) src[i];
            }
        } else {
            System.arraycopy(src, 0, doubles(t), 0, src.length);
        }
    }

    @Override
    protected final void copyKernel(Tensor src, Tensor dst) {
        if (isFloat(src)) {
            System.arraycopy(floats(src), 0, floats(dst), 0, src.size());
        } else {
            System.arraycopy(doubles(src), 0, doubles(dst), 0, src.size());
        }
    }

    @Override
    protected final void fillKernel(Tensor t, double value) {
        if (isFloat(t)) {
            Arrays.fill(floats(t), (float) value);
        } else {
            Arrays.fill(doubles(t), value);
        }
    }

    @Override
    protected final void gatherRowsKernel(Tensor src, int[] indices, int offset, int count, Tensor dst) {
        int rowLength = src.size() / src.shape().dim(0);
        for (int r = 0; r < count; r++) {
            int from = indices[offset + r] * rowLength;
            if (isFloat(src)) {
                System.arraycopy(floats(src), from, floats(dst), r * rowLength, rowLength);
            } else {
                System.arraycopy(doubles(src), from, doubles(dst), r * rowLength, rowLength);
            }
        }
    }

    @Override
    protected final void copyRowsKernel(Tensor src, int srcRow, Tensor dst, int dstRow, int count) {
        int rowLength = src.size() / src.shape().dim(0);
        if (isFloat(src)) {
            System.arraycopy(floats(src), srcRow * rowLength, floats(dst), dstRow * rowLength, count * rowLength);
        } else {
            System.arraycopy(doubles(src), srcRow * rowLength, doubles(dst), dstRow * rowLength, count * rowLength);
        }
    }
}
