package io.github.nn4j.backend.pure;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.UnaryOp;

/**
 * The FLOAT64 kernels in plain Java: simple counted loops (which the JIT may vectorise by itself) and a
 * blocked GEMM.
 * Sums accumulate in a fixed order, so they are deterministic.
 */
class ScalarDoubleKernels implements DoubleKernels {
    private final DoubleGemm gemm;

    ScalarDoubleKernels(DoubleGemm gemm) {
        this.gemm = gemm;
    }

    @Override
    public void gemm(double alpha, double[] a, boolean transA, double[] b, boolean transB, double beta, double[] c,
                     int m, int n, int k) {
        gemm.gemm(alpha, a, transA, b, transB, beta, c, m, n, k);
    }

    @Override
    public void binary(BinaryOp op, double[] a, double[] b, double[] out, int n) {
        binaryRange(op, a, b, out, 0, n);
    }

    /** {@link #binary} for the elements {@code from .. to-1}. */
    final void binaryRange(BinaryOp op, double[] a, double[] b, double[] out, int from, int to) {
        switch (op) {
            case ADD:
                for (int i = from; i < to; i++) {
                    out[i] = a[i] + b[i];
                }
                break;
            case SUB:
                for (int i = from; i < to; i++) {
                    out[i] = a[i] - b[i];
                }
                break;
            case MUL:
                for (int i = from; i < to; i++) {
                    out[i] = a[i] * b[i];
                }
                break;
            case DIV:
                for (int i = from; i < to; i++) {
                    out[i] = a[i] / b[i];
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }

    @Override
    public void scalar(ScalarOp op, double[] a, double s, double[] out, int n) {
        scalarRange(op, a, s, out, 0, n);
    }

    /** {@link #scalar} for the elements {@code from .. to-1}. */
    final void scalarRange(ScalarOp op, double[] a, double s, double[] out, int from, int to) {
        switch (op) {
            case ADD:
                for (int i = from; i < to; i++) {
                    out[i] = a[i] + s;
                }
                break;
            case SUB:
                for (int i = from; i < to; i++) {
                    out[i] = a[i] - s;
                }
                break;
            case REVERSE_SUB:
                for (int i = from; i < to; i++) {
                    out[i] = s - a[i];
                }
                break;
            case MUL:
                for (int i = from; i < to; i++) {
                    out[i] = a[i] * s;
                }
                break;
            case DIV:
                for (int i = from; i < to; i++) {
                    out[i] = a[i] / s;
                }
                break;
            case MAX:
                for (int i = from; i < to; i++) {
                    out[i] = Math.max(a[i], s);
                }
                break;
            case MIN:
                for (int i = from; i < to; i++) {
                    out[i] = Math.min(a[i], s);
                }
                break;
            default:
                throw new AssertionError(op);
        }
    }

    @Override
    public void unary(UnaryOp f, double[] a, double[] out, int n) {
        unaryRange(f, a, out, 0, n);
    }

    /** {@link #unary} for the elements {@code from .. to-1}. */
    final void unaryRange(UnaryOp f, double[] a, double[] out, int from, int to) {
        switch (f) {
            case NEGATE:
                for (int i = from; i < to; i++) {
                    out[i] = -a[i];
                }
                break;
            case ABS:
                for (int i = from; i < to; i++) {
                    out[i] = Math.abs(a[i]);
                }
                break;
            case SQUARE:
                for (int i = from; i < to; i++) {
                    out[i] = a[i] * a[i];
                }
                break;
            case SQRT:
                for (int i = from; i < to; i++) {
                    out[i] = Math.sqrt(a[i]);
                }
                break;
            case EXP:
                for (int i = from; i < to; i++) {
                    out[i] = Math.exp(a[i]);
                }
                break;
            case LOG:
                for (int i = from; i < to; i++) {
                    out[i] = Math.log(a[i]);
                }
                break;
            default:
                throw new AssertionError(f);
        }
    }

    @Override
    public void activation(Activation f, double[] x, double[] y, int n) {
        activationRange(f, x, y, 0, n);
    }

    /** {@link #activation} for the elements {@code from .. to-1}. */
    final void activationRange(Activation f, double[] x, double[] y, int from, int to) {
        switch (f) {
            case IDENTITY:
                if (x != y) {
                    System.arraycopy(x, from, y, from, to - from);
                }
                break;
            case RELU:
                for (int i = from; i < to; i++) {
                    y[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(x[i]) & positiveMask(x[i]));
                }
                break;
            case SIGMOID:
                // exp(-x) overflows to infinity for very negative x, giving exactly 0; never NaN.
                for (int i = from; i < to; i++) {
                    y[i] = (1.0 / (1.0 + Math.exp(-x[i])));
                }
                break;
            case TANH:
                for (int i = from; i < to; i++) {
                    y[i] = Math.tanh(x[i]);
                }
                break;
            default:
                throw new AssertionError(f);
        }
    }

    @Override
    public void activationBackward(Activation f, double[] x, double[] y, double[] dy, double[] dx, int n) {
        activationBackwardRange(f, x, y, dy, dx, 0, n);
    }

    /** {@link #activationBackward} for the elements {@code from .. to-1}. */
    final void activationBackwardRange(Activation f, double[] x, double[] y, double[] dy, double[] dx,
                                       int from, int to) {
        switch (f) {
            case IDENTITY:
                if (dy != dx) {
                    System.arraycopy(dy, from, dx, from, to - from);
                }
                break;
            case RELU:
                for (int i = from; i < to; i++) {
                    dx[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(dy[i]) & positiveMask(x[i]));
                }
                break;
            case SIGMOID:
                for (int i = from; i < to; i++) {
                    double v = y[i];
                    dx[i] = v * (1.0 - v) * dy[i];
                }
                break;
            case TANH:
                for (int i = from; i < to; i++) {
                    double v = y[i];
                    dx[i] = (1.0 - v * v) * dy[i];
                }
                break;
            default:
                throw new AssertionError(f);
        }
    }

    /**
     * All ones when {@code v > 0} (including +infinity), else zero (for NaN too), computed without a branch:
     * ReLU on data with random signs would otherwise mispredict half of its branches. The positive values
     * other than NaN are exactly the bit patterns 1 .. 0x7FF0000000000000L, i.e. those whose value minus
     * one is, unsigned, below 0x7FF0000000000000L.
     */
    private static long positiveMask(double v) {
        return Double.doubleToRawLongBits(v) - 1 + Long.MIN_VALUE < 0x7FF0000000000000L + Long.MIN_VALUE ? -1L : 0L;
    }

    @Override
    public void addRowVector(double[] a, double[] row, double[] out, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                out[base + j] = a[base + j] + row[j];
            }
        }
    }

    @Override
    public void axpy(double alpha, double[] x, double[] y, int n) {
        axpyRange(alpha, x, y, 0, n);
    }

    /** {@link #axpy} for the elements {@code from .. to-1}. */
    final void axpyRange(double alpha, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    @Override
    public double reduce(Reduction r, double[] a, int n) {
        switch (r) {
            case SUM:
                return sum(a, 0, n);
            case SUM_OF_SQUARES: {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int i = 0;
                for (; i + 3 < n; i += 4) {
                    double v0 = a[i];
                    double v1 = a[i + 1];
                    double v2 = a[i + 2];
                    double v3 = a[i + 3];
                    s0 += v0 * v0;
                    s1 += v1 * v1;
                    s2 += v2 * v2;
                    s3 += v3 * v3;
                }
                for (; i < n; i++) {
                    double v = a[i];
                    s0 += v * v;
                }
                return (s0 + s1) + (s2 + s3);
            }
            case MAX: {
                double m = a[0];
                for (int i = 1; i < n; i++) {
                    m = Math.max(m, a[i]);
                }
                return m;
            }
            case MIN: {
                double m = a[0];
                for (int i = 1; i < n; i++) {
                    m = Math.min(m, a[i]);
                }
                return m;
            }
            default:
                throw new AssertionError(r);
        }
    }

    /** The sum of {@code a[from .. from+n-1]} in a fixed order. */
    static double sum(double[] a, int from, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        int end = from + n;
        for (; i + 3 < end; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < end; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void sumColumns(double[] a, int rows, int cols, double[] out) {
        // Four columns per pass with their own accumulators, reading the rows in order.
        int j = 0;
        for (; j + 3 < cols; j += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < rows; i++) {
                int o = i * cols + j;
                s0 += a[o];
                s1 += a[o + 1];
                s2 += a[o + 2];
                s3 += a[o + 3];
            }
            out[j] = s0;
            out[j + 1] = s1;
            out[j + 2] = s2;
            out[j + 3] = s3;
        }
        for (; j < cols; j++) {
            double s = 0;
            for (int i = 0; i < rows; i++) {
                s += a[i * cols + j];
            }
            out[j] = s;
        }
    }

    @Override
    public void sumRows(double[] a, int rows, int cols, double[] out) {
        for (int i = 0; i < rows; i++) {
            out[i] = sum(a, i * cols, cols);
        }
    }
}
