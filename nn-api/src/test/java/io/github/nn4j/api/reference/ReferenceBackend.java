package io.github.nn4j.api.reference;

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
 * The simplest possible backend: every kernel a plain loop in double precision over the enums' definitions
 * ({@code Activation.apply} ...), rounding to float on store for FLOAT32. It exists to test nn-api itself without
 * depending on a real backend; clarity beats speed here. It is a naive backend, not the suite's reference: the
 * conformance suite computes its expectations independently ({@code ReferenceMath}), so this backend passing it shows
 * that the enums and nn-api agree with that reference. {@code PlantedBugs} subclasses it with deliberate bugs.
 */
public class ReferenceBackend extends Backend {

    static ReferenceTensor t(Tensor x) {
        return (ReferenceTensor) x;
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String description() {
        return "nn-api test reference backend (naive double loops)";
    }

    @Override
    protected Tensor zerosKernel(DType dtype, Shape shape) {
        return new ReferenceTensor(this, dtype, shape, new double[shape.size()]);
    }

    @Override
    protected Tensor fromArrayKernel(float[] data, Shape shape) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return new ReferenceTensor(this, DType.FLOAT32, shape, d);
    }

    @Override
    protected Tensor fromArrayKernel(double[] data, Shape shape) {
        return new ReferenceTensor(this, DType.FLOAT64, shape, data.clone());
    }

    @Override
    protected void readKernel(Tensor x, float[] dst) {
        double[] d = t(x).data;
        for (int i = 0; i < dst.length; i++) {
            dst[i] = (float) d[i];
        }
    }

    @Override
    protected void readKernel(Tensor x, double[] dst) {
        System.arraycopy(t(x).data, 0, dst, 0, dst.length);
    }

    @Override
    protected void writeKernel(Tensor x, float[] src) {
        for (int i = 0; i < src.length; i++) {
            t(x).set(i, src[i]);
        }
    }

    @Override
    protected void writeKernel(Tensor x, double[] src) {
        for (int i = 0; i < src.length; i++) {
            t(x).set(i, src[i]);
        }
    }

    @Override
    protected void copyKernel(Tensor src, Tensor dst) {
        System.arraycopy(t(src).data, 0, t(dst).data, 0, src.size());
    }

    @Override
    protected void fillKernel(Tensor x, double value) {
        for (int i = 0; i < x.size(); i++) {
            t(x).set(i, value);
        }
    }

    @Override
    protected void gemmKernel(double alpha, Tensor a, boolean transA, Tensor b, boolean transB, double beta, Tensor c) {
        int m = c.rows();
        int n = c.cols();
        int k = transA ? a.rows() : a.cols();
        double[] av = t(a).data;
        double[] bv = t(b).data;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = transA ? av[p * a.cols() + i] : av[i * a.cols() + p];
                    double y = transB ? bv[j * b.cols() + p] : bv[p * b.cols() + j];
                    s += x * y;
                }
                double old = beta == 0 ? 0 : beta * t(c).data[i * n + j];
                t(c).set(i * n + j, alpha * s + old);
            }
        }
    }

    @Override
    protected void transposeKernel(Tensor a, Tensor out) {
        int r = a.rows();
        int c = a.cols();
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                t(out).data[j * r + i] = t(a).data[i * c + j];
            }
        }
    }

    @Override
    protected void binaryKernel(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        for (int i = 0; i < a.size(); i++) {
            t(out).set(i, op.apply(t(a).data[i], t(b).data[i]));
        }
    }

    @Override
    protected void scalarKernel(ScalarOp op, Tensor a, double s, Tensor out) {
        for (int i = 0; i < a.size(); i++) {
            t(out).set(i, op.apply(t(a).data[i], s));
        }
    }

    @Override
    protected void unaryKernel(UnaryOp f, Tensor a, Tensor out) {
        for (int i = 0; i < a.size(); i++) {
            t(out).set(i, f.apply(t(a).data[i]));
        }
    }

    @Override
    protected void activationKernel(Activation f, Tensor x, Tensor y) {
        for (int i = 0; i < x.size(); i++) {
            t(y).set(i, f.apply(t(x).data[i]));
        }
    }

    @Override
    protected void activationBackwardKernel(Activation f, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        for (int i = 0; i < x.size(); i++) {
            t(dx).set(i, f.derivative(t(x).data[i], t(y).data[i]) * t(dy).data[i]);
        }
    }

    @Override
    protected void addRowVectorKernel(Tensor a, Tensor row, Tensor out) {
        int c = a.cols();
        for (int i = 0; i < a.size(); i++) {
            t(out).set(i, t(a).data[i] + t(row).data[i % c]);
        }
    }

    @Override
    protected void axpyKernel(double alpha, Tensor x, Tensor y) {
        for (int i = 0; i < x.size(); i++) {
            t(y).set(i, t(y).data[i] + alpha * t(x).data[i]);
        }
    }

    @Override
    protected double reduceKernel(Reduction r, Tensor a) {
        double[] d = t(a).data;
        double acc = r == Reduction.MAX ? Double.NEGATIVE_INFINITY : r == Reduction.MIN ? Double.POSITIVE_INFINITY : 0;
        for (double v : d) {
            switch (r) {
                case SUM: acc += v; break;
                case SUM_OF_SQUARES: acc += v * v; break;
                case MAX: acc = Double.isNaN(v) || Double.isNaN(acc) ? Double.NaN : Math.max(acc, v); break;
                case MIN: acc = Double.isNaN(v) || Double.isNaN(acc) ? Double.NaN : Math.min(acc, v); break;
                default: throw new AssertionError(r);
            }
        }
        return acc;
    }

    @Override
    protected void sumAlongKernel(int axis, Tensor a, Tensor out) {
        int r = a.rows();
        int c = a.cols();
        double[] sums = new double[axis == 0 ? c : r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                sums[axis == 0 ? j : i] += t(a).data[i * c + j];
            }
        }
        for (int i = 0; i < sums.length; i++) {
            t(out).set(i, sums[i]);
        }
    }

    @Override
    protected void gatherRowsKernel(Tensor src, int[] indices, int offset, int count, Tensor dst) {
        int row = src.size() / src.shape().dim(0);
        for (int i = 0; i < count; i++) {
            System.arraycopy(t(src).data, indices[offset + i] * row, t(dst).data, i * row, row);
        }
    }

    @Override
    protected void copyRowsKernel(Tensor src, int srcRow, Tensor dst, int dstRow, int count) {
        int row = src.size() / src.shape().dim(0);
        System.arraycopy(t(src).data, srcRow * row, t(dst).data, dstRow * row, count * row);
    }
}
