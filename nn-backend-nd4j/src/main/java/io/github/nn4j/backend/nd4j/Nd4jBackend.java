package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend: every tensor is an off-heap ND4J array; large element-wise work runs as ND4J operations
 * ({@link NativeKernels}: libnd4j kernels on a CPU, CUDA on a GPU), small work and reductions run in Java on the
 * arrays' memory when the CPU can address it (nn-api's default kernels, which reach the memory through heap copies
 * kept by the tensors' {@link HostView}s), and matrix products call OpenBLAS directly on that
 * memory ({@link HostBlas}; cuBLAS through ND4J on a GPU), as decided by a {@link HostPolicy}. An operation this
 * class does not override (a new one) runs as its default kernel, on host memory or, on a GPU, through copies.
 *
 * <p>Obtain it through {@link io.github.nn4j.api.backend.Backends} (name {@value Nd4jBackendProvider#NAME}).
 * Thread-safe: kernels keep no state, ND4J operations are thread-safe.
 */
final class Nd4jBackend extends Backend {
    private final HostPolicy policy;
    private final String description;

    Nd4jBackend(HostPolicy policy, String description) {
        this.policy = policy;
        this.description = description;
    }

    @Override
    public String name() {
        return Nd4jBackendProvider.NAME;
    }

    @Override
    public String description() {
        return description;
    }

    private static Nd4jTensor t(Tensor x) {
        return (Nd4jTensor) x;
    }

    private static INDArray arr(Tensor x) {
        return t(x).array();
    }

    private static HostView h(Tensor x) {
        return t(x).host();
    }

    private static DataType nd4jType(DType dtype) {
        return dtype == DType.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
    }

    private static long[] dims(Shape shape) {
        long[] d = new long[shape.rank()];
        for (int i = 0; i < d.length; i++) {
            d[i] = shape.dim(i);
        }
        return d;
    }

    private Nd4jTensor wrap(INDArray array, Shape shape, DType dtype) {
        return new Nd4jTensor(this, shape, dtype, array, policy.hostViews() ? HostView.of(array, dtype) : null);
    }

    /** Arithmetic (non-transcendental) work on {@code size} elements runs in Java. */
    private boolean arithmeticInJava(Tensor x) {
        return h(x) != null && policy.arithmeticInJava(x.size());
    }

    private boolean transcendentalInJava(Tensor x) {
        return h(x) != null && policy.transcendentalInJava(x.size());
    }

    // ------------------------------------------------------------------------------------ creation and transfer

    @Override
    protected Tensor zerosKernel(DType dtype, Shape shape) {
        return wrap(Nd4j.create(nd4jType(dtype), dims(shape), 'c'), shape, dtype);
    }

    @Override
    protected Tensor fromArrayKernel(float[] data, Shape shape) {
        return wrap(Nd4j.create(data, dims(shape), 'c'), shape, DType.FLOAT32);
    }

    @Override
    protected Tensor fromArrayKernel(double[] data, Shape shape) {
        return wrap(Nd4j.create(data, dims(shape), 'c'), shape, DType.FLOAT64);
    }

    @Override
    protected void readKernel(Tensor x, float[] dst) {
        if (h(x) != null) {
            h(x).readInto(dst);
        } else {
            float[] all = arr(x).data().asFloat();
            System.arraycopy(all, 0, dst, 0, dst.length);
        }
    }

    @Override
    protected void readKernel(Tensor x, double[] dst) {
        if (h(x) != null) {
            h(x).readInto(dst);
        } else {
            double[] all = arr(x).data().asDouble();
            System.arraycopy(all, 0, dst, 0, dst.length);
        }
    }

    @Override
    protected void writeKernel(Tensor x, float[] src) {
        if (h(x) != null) {
            h(x).writeFrom(src);
        } else {
            try (INDArray staged = Nd4j.create(src, dims(x.shape()), 'c')) {
                arr(x).assign(staged); // converts between FLOAT and DOUBLE where they differ
            }
        }
    }

    @Override
    protected void writeKernel(Tensor x, double[] src) {
        if (h(x) != null) {
            h(x).writeFrom(src);
        } else {
            try (INDArray staged = Nd4j.create(src, dims(x.shape()), 'c')) {
                arr(x).assign(staged); // converts between FLOAT and DOUBLE where they differ
            }
        }
    }

    @Override
    protected void copyKernel(Tensor src, Tensor dst) {
        if (h(src) != null) {
            h(src).copyTo(0, h(dst), 0, src.size());
        } else {
            arr(dst).assign(arr(src));
        }
    }

    @Override
    protected void fillKernel(Tensor x, double value) {
        if (arithmeticInJava(x)) {
            super.fillKernel(x, value);
        } else {
            arr(x).assign(value);
        }
    }

    // ------------------------------------------------------------------------------------ linear algebra

    @Override
    protected void gemmKernel(double alpha, Tensor a, boolean transA, Tensor b, boolean transB, double beta, Tensor c) {
        int m = c.shape().rows();
        int n = c.shape().cols();
        int k = transA ? a.shape().rows() : a.shape().cols();
        if (h(c) != null && policy.gemmOnHost()) {
            HostBlas.gemm(m, n, k, alpha, h(a), a.shape().cols(), transA, h(b), b.shape().cols(), transB, beta, h(c));
        } else {
            NativeKernels.gemm(alpha, arr(a), transA, arr(b), transB, beta, arr(c));
        }
    }

    @Override
    protected void transposeKernel(Tensor a, Tensor out) {
        if (arithmeticInJava(a)) {
            super.transposeKernel(a, out);
        } else {
            NativeKernels.transpose(arr(a), arr(out));
        }
    }

    // ------------------------------------------------------------------------------------ element-wise

    @Override
    protected void binaryKernel(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        if (arithmeticInJava(a)) {
            super.binaryKernel(op, a, b, out);
        } else {
            NativeKernels.binary(op, arr(a), arr(b), arr(out));
        }
    }

    @Override
    protected void scalarKernel(ScalarOp op, Tensor a, double s, Tensor out) {
        if (arithmeticInJava(a)) {
            super.scalarKernel(op, a, s, out);
        } else {
            NativeKernels.scalar(op, arr(a), s, arr(out));
        }
    }

    @Override
    protected void unaryKernel(UnaryOp f, Tensor a, Tensor out) {
        boolean transcendental = f == UnaryOp.EXP || f == UnaryOp.LOG;
        if (transcendental ? transcendentalInJava(a) : arithmeticInJava(a)) {
            super.unaryKernel(f, a, out);
        } else {
            NativeKernels.unary(f, arr(a), arr(out));
        }
    }

    @Override
    protected void activationKernel(Activation f, Tensor x, Tensor y) {
        boolean transcendental = f == Activation.SIGMOID || f == Activation.TANH;
        if (transcendental ? transcendentalInJava(x) : arithmeticInJava(x)) {
            super.activationKernel(f, x, y);
        } else {
            NativeKernels.activation(f, arr(x), arr(y));
        }
    }

    @Override
    protected void activationBackwardKernel(Activation f, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        if (h(x) != null) { // always: from the stored output, several times faster than ND4J's ops (HostPolicy)
            super.activationBackwardKernel(f, x, y, dy, dx);
        } else {
            NativeKernels.activationBackward(f, arr(x), arr(dy), arr(dx));
        }
    }

    @Override
    protected void addRowVectorKernel(Tensor a, Tensor row, Tensor out) {
        if (arithmeticInJava(a)) {
            super.addRowVectorKernel(a, row, out);
        } else {
            NativeKernels.addRowVector(arr(a), arr(row), arr(out));
        }
    }

    @Override
    protected void axpyKernel(double alpha, Tensor x, Tensor y) {
        if (h(x) != null && policy.axpyInJava(x.size())) {
            super.axpyKernel(alpha, x, y);
        } else {
            NativeKernels.axpy(alpha, arr(x), arr(y));
        }
    }

    // ------------------------------------------------------------------------------------ reductions and rows

    @Override
    protected double reduceKernel(Reduction r, Tensor a) {
        return h(a) != null ? super.reduceKernel(r, a) : NativeKernels.reduce(r, arr(a));
    }

    @Override
    protected void sumAlongKernel(int axis, Tensor a, Tensor out) {
        if (arithmeticInJava(a)) {
            super.sumAlongKernel(axis, a, out);
        } else {
            NativeKernels.sumAlong(axis, arr(a), arr(out));
        }
    }

    @Override
    protected void gatherRowsKernel(Tensor src, int[] indices, int offset, int count, Tensor dst) {
        if (h(src) != null) {
            int rowLength = src.size() / src.shape().dim(0);
            for (int i = 0; i < count; i++) {
                h(src).copyTo(indices[offset + i] * rowLength, h(dst), i * rowLength, rowLength);
            }
        } else {
            NativeKernels.gatherRows(arr(src), indices, offset, count, arr(dst));
        }
    }

    @Override
    protected void copyRowsKernel(Tensor src, int srcRow, Tensor dst, int dstRow, int count) {
        if (h(src) != null) {
            int rowLength = src.size() / src.shape().dim(0);
            h(src).copyTo(srcRow * rowLength, h(dst), dstRow * rowLength, count * rowLength);
        } else {
            NativeKernels.copyRows(arr(src), srcRow, arr(dst), dstRow, count);
        }
    }

    // ------------------------------------------------------------------------------------ element hooks
    // nn-api's default kernels reach host memory through each view's heap copy: one block copy in per input, one out.

    @Override
    protected float[] floatsToRead(Tensor t) {
        HostView h = h(t);
        if (h == null) {
            return super.floatsToRead(t);
        }
        float[] a = ((HostView.Floats) h).heapCopy();
        h.readInto(a, t.size());
        return a;
    }

    @Override
    protected double[] doublesToRead(Tensor t) {
        HostView h = h(t);
        if (h == null) {
            return super.doublesToRead(t);
        }
        double[] a = ((HostView.Doubles) h).heapCopy();
        h.readInto(a, t.size());
        return a;
    }

    @Override
    protected float[] floatsToWrite(Tensor t) {
        return h(t) == null ? super.floatsToWrite(t) : ((HostView.Floats) h(t)).heapCopy();
    }

    @Override
    protected double[] doublesToWrite(Tensor t) {
        return h(t) == null ? super.doublesToWrite(t) : ((HostView.Doubles) h(t)).heapCopy();
    }

    @Override
    protected void written(Tensor t, float[] values) {
        if (h(t) == null) {
            super.written(t, values);
        } else {
            h(t).writeFrom(values, t.size());
        }
    }

    @Override
    protected void written(Tensor t, double[] values) {
        if (h(t) == null) {
            super.written(t, values);
        } else {
            h(t).writeFrom(values, t.size());
        }
    }
}
