package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;
import java.util.Arrays;

/**
 * The dependency-free backend: tensors are on-heap row-major {@code float[]}/{@code double[]} arrays and
 * every kernel is Java code. With the Vector API module present the kernels use SIMD instructions
 * (FloatVector/DoubleVector at the platform's preferred width), otherwise plain loops; see
 * {@link #description()}. Large matrix products, and on the SIMD path exp/sigmoid/tanh of large arrays, use
 * {@code nn4j.pure.threads} threads (default: all processors) and give bit-identical results for any thread
 * count.
 *
 * <p>Obtain it through {@link io.github.nn4j.api.backend.Backends#get(String) Backends.get("pure")}.
 */
public final class PureBackend extends Backend {
    private final FloatKernels floats;
    private final DoubleKernels doubles;
    private final String description;

    /** A backend using {@code threads} threads per operation and the best kernels this JVM can run. */
    PureBackend(int threads) {
        this(threads, KernelSelection.select(newExecutor(threads)));
    }

    /** A backend with the given kernels (tests use it to compare kernel sets in one JVM). */
    PureBackend(int threads, Kernels kernels) {
        this.floats = kernels.floats();
        this.doubles = kernels.doubles();
        this.description = "pure Java, " + kernels.path() + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    /** A thread set for parallel GEMM whose daemon workers are named after this backend. */
    static TileExecutor newExecutor(int threads) {
        return new TileExecutor(threads, "nn4j-pure-worker-");
    }

    @Override
    public String name() {
        return PureBackendProvider.NAME;
    }

    /** E.g. "pure Java, Vector API 512-bit, 2 threads". */
    @Override
    public String description() {
        return description;
    }

    private static float[] f(Tensor t) {
        return ((PureTensor) t).floats();
    }

    private static double[] d(Tensor t) {
        return ((PureTensor) t).doubles();
    }

    private static boolean isFloat(Tensor t) {
        return t.dtype() == DType.FLOAT32;
    }

    // ================================================================================ creation, transfer

    @Override
    protected Tensor zerosKernel(DType dtype, Shape shape) {
        return dtype == DType.FLOAT32
                ? PureTensor.ofFloats(this, shape, new float[shape.size()])
                : PureTensor.ofDoubles(this, shape, new double[shape.size()]);
    }

    @Override
    protected Tensor fromArrayKernel(float[] data, Shape shape) {
        return PureTensor.ofFloats(this, shape, data.clone());
    }

    @Override
    protected Tensor fromArrayKernel(double[] data, Shape shape) {
        return PureTensor.ofDoubles(this, shape, data.clone());
    }

    @Override
    protected void readKernel(Tensor t, float[] dst) {
        if (isFloat(t)) {
            System.arraycopy(f(t), 0, dst, 0, dst.length);
        } else {
            double[] src = d(t);
            for (int i = 0; i < dst.length; i++) {
                dst[i] = (float) src[i];
            }
        }
    }

    @Override
    protected void readKernel(Tensor t, double[] dst) {
        if (isFloat(t)) {
            float[] src = f(t);
            for (int i = 0; i < dst.length; i++) {
                dst[i] = src[i];
            }
        } else {
            System.arraycopy(d(t), 0, dst, 0, dst.length);
        }
    }

    @Override
    protected void writeKernel(Tensor t, float[] src) {
        if (isFloat(t)) {
            System.arraycopy(src, 0, f(t), 0, src.length);
        } else {
            double[] dst = d(t);
            for (int i = 0; i < src.length; i++) {
                dst[i] = src[i];
            }
        }
    }

    @Override
    protected void writeKernel(Tensor t, double[] src) {
        if (isFloat(t)) {
            float[] dst = f(t);
            for (int i = 0; i < src.length; i++) {
                dst[i] = (float) src[i];
            }
        } else {
            System.arraycopy(src, 0, d(t), 0, src.length);
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
    protected void fillKernel(Tensor t, double value) {
        if (isFloat(t)) {
            Arrays.fill(f(t), (float) value);
        } else {
            Arrays.fill(d(t), value);
        }
    }

    // ================================================================================ linear algebra

    @Override
    protected void gemmKernel(double alpha, Tensor a, boolean transA, Tensor b, boolean transB, double beta,
                              Tensor c) {
        int m = c.shape().rows();
        int n = c.shape().cols();
        int k = transA ? a.shape().rows() : a.shape().cols();
        if (isFloat(c)) {
            // beta == 0 must ignore C even if beta only rounds to a float zero elsewhere: decide on the double.
            floats.gemm((float) alpha, f(a), transA, f(b), transB, beta == 0.0 ? 0f : (float) beta, f(c), m, n, k);
        } else {
            doubles.gemm(alpha, d(a), transA, d(b), transB, beta, d(c), m, n, k);
        }
    }

    @Override
    protected void transposeKernel(Tensor a, Tensor out) {
        int rows = a.shape().rows();
        int cols = a.shape().cols();
        if (isFloat(a)) {
            Transpose.transpose(f(a), rows, cols, f(out));
        } else {
            Transpose.transpose(d(a), rows, cols, d(out));
        }
    }

    // ================================================================================ element-wise

    @Override
    protected void binaryKernel(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        if (isFloat(a)) {
            floats.binary(op, f(a), f(b), f(out), a.size());
        } else {
            doubles.binary(op, d(a), d(b), d(out), a.size());
        }
    }

    @Override
    protected void scalarKernel(ScalarOp op, Tensor a, double s, Tensor out) {
        if (isFloat(a)) {
            floats.scalar(op, f(a), (float) s, f(out), a.size());
        } else {
            doubles.scalar(op, d(a), s, d(out), a.size());
        }
    }

    @Override
    protected void unaryKernel(UnaryOp fn, Tensor a, Tensor out) {
        if (isFloat(a)) {
            floats.unary(fn, f(a), f(out), a.size());
        } else {
            doubles.unary(fn, d(a), d(out), a.size());
        }
    }

    @Override
    protected void activationKernel(Activation fn, Tensor x, Tensor y) {
        if (isFloat(x)) {
            floats.activation(fn, f(x), f(y), x.size());
        } else {
            doubles.activation(fn, d(x), d(y), x.size());
        }
    }

    @Override
    protected void activationBackwardKernel(Activation fn, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        if (isFloat(x)) {
            floats.activationBackward(fn, f(x), f(y), f(dy), f(dx), x.size());
        } else {
            doubles.activationBackward(fn, d(x), d(y), d(dy), d(dx), x.size());
        }
    }

    @Override
    protected void addRowVectorKernel(Tensor a, Tensor row, Tensor out) {
        int rows = a.shape().rows();
        int cols = a.shape().cols();
        if (isFloat(a)) {
            floats.addRowVector(f(a), f(row), f(out), rows, cols);
        } else {
            doubles.addRowVector(d(a), d(row), d(out), rows, cols);
        }
    }

    @Override
    protected void axpyKernel(double alpha, Tensor x, Tensor y) {
        if (isFloat(x)) {
            floats.axpy((float) alpha, f(x), f(y), x.size());
        } else {
            doubles.axpy(alpha, d(x), d(y), x.size());
        }
    }

    // ================================================================================ reductions

    @Override
    protected double reduceKernel(Reduction r, Tensor a) {
        return isFloat(a) ? floats.reduce(r, f(a), a.size()) : doubles.reduce(r, d(a), a.size());
    }

    @Override
    protected void sumAlongKernel(int axis, Tensor a, Tensor out) {
        int rows = a.shape().rows();
        int cols = a.shape().cols();
        if (isFloat(a)) {
            if (axis == 0) {
                floats.sumColumns(f(a), rows, cols, f(out));
            } else {
                floats.sumRows(f(a), rows, cols, f(out));
            }
        } else {
            if (axis == 0) {
                doubles.sumColumns(d(a), rows, cols, d(out));
            } else {
                doubles.sumRows(d(a), rows, cols, d(out));
            }
        }
    }

    // ================================================================================ rows

    @Override
    protected void gatherRowsKernel(Tensor src, int[] indices, int offset, int count, Tensor dst) {
        int rowLength = src.size() / src.shape().dim(0);
        if (isFloat(src)) {
            float[] s = f(src);
            float[] o = f(dst);
            for (int r = 0; r < count; r++) {
                System.arraycopy(s, indices[offset + r] * rowLength, o, r * rowLength, rowLength);
            }
        } else {
            double[] s = d(src);
            double[] o = d(dst);
            for (int r = 0; r < count; r++) {
                System.arraycopy(s, indices[offset + r] * rowLength, o, r * rowLength, rowLength);
            }
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
