package io.github.nn4j.api.backend;

import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;

/**
 * A base for backends whose tensors are on-heap row-major primitive arrays ({@code float[]} for
 * {@link DType#FLOAT32}, {@code double[]} for {@link DType#FLOAT64}), as the pure-Java and jblas backends keep
 * them. It implements the storage kernels (creation and transfer) and lends its arrays to {@link Backend}'s default
 * kernels, which then run directly on them ({@link FloatArrayKernels}, {@link DoubleArrayKernels}): a subclass is
 * complete as it is, and overrides only the kernels it does better, on the arrays it gets from
 * {@link #floats(Tensor)} and {@link #doubles(Tensor)}.
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

    // The element hooks lend the tensors' own arrays: every default kernel of Backend then works in place, without
    // copying or allocating.

    @Override
    protected final float[] floatsToRead(Tensor t) {
        return floats(t);
    }

    @Override
    protected final double[] doublesToRead(Tensor t) {
        return doubles(t);
    }

    @Override
    protected final float[] floatsToWrite(Tensor t) {
        return floats(t);
    }

    @Override
    protected final double[] doublesToWrite(Tensor t) {
        return doubles(t);
    }

    @Override
    protected final void written(Tensor t, float[] values) {
        // the kernel wrote into the tensor's own array
    }

    @Override
    protected final void written(Tensor t, double[] values) {
        // the kernel wrote into the tensor's own array
    }
}
