package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.UnaryOp;

/**
 * Kernels that run in Java directly on the off-heap memory of host-resident ND4J arrays ({@link HostView}): for
 * tensors too small to be worth an ND4J op dispatch, and for reductions, whose double accumulation and NaN
 * handling ND4J does not match. Arithmetic is done in double and rounded once on store, as the enums' reference
 * definitions do. Outputs may alias inputs exactly where {@link io.github.nn4j.api.backend.Backend} allows it.
 */
final class HostKernels {
    private HostKernels() {
    }

    static void binary(BinaryOp op, HostView a, HostView b, HostView out) {
        int n = out.size();
        for (int i = 0; i < n; i++) {
            out.set(i, op.apply(a.get(i), b.get(i)));
        }
    }

    static void scalar(ScalarOp op, HostView a, double s, HostView out) {
        int n = out.size();
        for (int i = 0; i < n; i++) {
            out.set(i, op.apply(a.get(i), s));
        }
    }

    static void unary(UnaryOp f, HostView a, HostView out) {
        int n = out.size();
        for (int i = 0; i < n; i++) {
            out.set(i, f.apply(a.get(i)));
        }
    }

    static void activation(Activation f, HostView x, HostView y) {
        int n = y.size();
        for (int i = 0; i < n; i++) {
            y.set(i, f.apply(x.get(i)));
        }
    }

    static void activationBackward(Activation f, HostView x, HostView y, HostView dy, HostView dx) {
        int n = dx.size();
        for (int i = 0; i < n; i++) {
            dx.set(i, f.derivative(x.get(i), y.get(i)) * dy.get(i));
        }
    }

    static void addRowVector(HostView a, HostView row, HostView out) {
        int c = row.size();
        int n = out.size();
        for (int base = 0; base < n; base += c) {
            for (int j = 0; j < c; j++) {
                out.set(base + j, a.get(base + j) + row.get(j));
            }
        }
    }

    static void axpy(double alpha, HostView x, HostView y) {
        int n = y.size();
        for (int i = 0; i < n; i++) {
            y.set(i, y.get(i) + alpha * x.get(i));
        }
    }

    static void fill(HostView t, double value) {
        int n = t.size();
        for (int i = 0; i < n; i++) {
            t.set(i, value);
        }
    }

    /** Sum and sum of squares accumulate in double; max and min are NaN as soon as one element is. */
    static double reduce(Reduction r, HostView a) {
        int n = a.size();
        switch (r) {
            case SUM: {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += a.get(i);
                }
                return s;
            }
            case SUM_OF_SQUARES: {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double v = a.get(i);
                    s += v * v;
                }
                return s;
            }
            case MAX: {
                double m = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    m = Math.max(m, a.get(i));
                }
                return m;
            }
            case MIN: {
                double m = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    m = Math.min(m, a.get(i));
                }
                return m;
            }
            default:
                throw new AssertionError(r);
        }
    }

    /** Column sums (axis 0) or row sums (axis 1) of a row-major {@code [rows, cols]} matrix, in double. */
    static void sumAlong(int axis, HostView a, int rows, int cols, HostView out) {
        if (axis == 0) {
            for (int j = 0; j < cols; j++) {
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    s += a.get(i * cols + j);
                }
                out.set(j, s);
            }
        } else {
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    s += a.get(i * cols + j);
                }
                out.set(i, s);
            }
        }
    }

    static void transpose(HostView a, int rows, int cols, HostView out) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.set(j * rows + i, a.get(i * cols + j));
            }
        }
    }

    /** Copies rows {@code indices[offset ..]} of {@code src} (rows of {@code rowLength} elements) into {@code dst}. */
    static void gatherRows(HostView src, int rowLength, int[] indices, int offset, int count, HostView dst) {
        for (int i = 0; i < count; i++) {
            src.copyTo(indices[offset + i] * rowLength, dst, i * rowLength, rowLength);
        }
    }
}
