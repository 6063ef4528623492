package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.HeapArrayBackend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;

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
public final class PureBackend extends HeapArrayBackend {
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

    // ================================================================================ linear algebra

    @Override
    protected void gemmKernel(double alpha, Tensor a, boolean transA, Tensor b, boolean transB, double beta,
                              Tensor c) {
        int m = c.shape().rows();
        int n = c.shape().cols();
        int k = transA ? a.shape().rows() : a.shape().cols();
        if (isFloat(c)) {
            // beta == 0 must ignore C even if beta only rounds to a float zero elsewhere: decide on the double.
            floats.gemm((float) alpha, floats(a), transA, floats(b), transB, beta == 0.0 ? 0f : (float) beta, floats(c), m, n, k);
        } else {
            doubles.gemm(alpha, doubles(a), transA, doubles(b), transB, beta, doubles(c), m, n, k);
        }
    }

    @Override
    protected void transposeKernel(Tensor a, Tensor out) {
        int rows = a.shape().rows();
        int cols = a.shape().cols();
        if (isFloat(a)) {
            Transpose.transpose(floats(a), rows, cols, floats(out));
        } else {
            Transpose.transpose(doubles(a), rows, cols, doubles(out));
        }
    }

    // ================================================================================ element-wise

    @Override
    protected void binaryKernel(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        if (isFloat(a)) {
            floats.binary(op, floats(a), floats(b), floats(out), a.size());
        } else {
            doubles.binary(op, doubles(a), doubles(b), doubles(out), a.size());
        }
    }

    @Override
    protected void scalarKernel(ScalarOp op, Tensor a, double s, Tensor out) {
        if (isFloat(a)) {
            floats.scalar(op, floats(a), (float) s, floats(out), a.size());
        } else {
            doubles.scalar(op, doubles(a), s, doubles(out), a.size());
        }
    }

    @Override
    protected void unaryKernel(UnaryOp fn, Tensor a, Tensor out) {
        if (isFloat(a)) {
            floats.unary(fn, floats(a), floats(out), a.size());
        } else {
            doubles.unary(fn, doubles(a), doubles(out), a.size());
        }
    }

    @Override
    protected void activationKernel(Activation fn, Tensor x, Tensor y) {
        if (isFloat(x)) {
            floats.activation(fn, floats(x), floats(y), x.size());
        } else {
            doubles.activation(fn, doubles(x), doubles(y), x.size());
        }
    }

    @Override
    protected void activationBackwardKernel(Activation fn, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        if (isFloat(x)) {
            floats.activationBackward(fn, floats(x), floats(y), floats(dy), floats(dx), x.size());
        } else {
            doubles.activationBackward(fn, doubles(x), doubles(y), doubles(dy), doubles(dx), x.size());
        }
    }

    @Override
    protected void addRowVectorKernel(Tensor a, Tensor row, Tensor out) {
        int rows = a.shape().rows();
        int cols = a.shape().cols();
        if (isFloat(a)) {
            floats.addRowVector(floats(a), floats(row), floats(out), rows, cols);
        } else {
            doubles.addRowVector(doubles(a), doubles(row), doubles(out), rows, cols);
        }
    }

    @Override
    protected void axpyKernel(double alpha, Tensor x, Tensor y) {
        if (isFloat(x)) {
            floats.axpy((float) alpha, floats(x), floats(y), x.size());
        } else {
            doubles.axpy(alpha, doubles(x), doubles(y), x.size());
        }
    }

    // ================================================================================ reductions

    @Override
    protected double reduceKernel(Reduction r, Tensor a) {
        return isFloat(a) ? floats.reduce(r, floats(a), a.size()) : doubles.reduce(r, doubles(a), a.size());
    }

    @Override
    protected void sumAlongKernel(int axis, Tensor a, Tensor out) {
        int rows = a.shape().rows();
        int cols = a.shape().cols();
        if (isFloat(a)) {
            if (axis == 0) {
                floats.sumColumns(floats(a), rows, cols, floats(out));
            } else {
                floats.sumRows(floats(a), rows, cols, floats(out));
            }
        } else {
            if (axis == 0) {
                doubles.sumColumns(doubles(a), rows, cols, doubles(out));
            } else {
                doubles.sumRows(doubles(a), rows, cols, doubles(out));
            }
        }
    }
}
