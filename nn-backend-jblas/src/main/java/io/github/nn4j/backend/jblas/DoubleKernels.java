package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.UnaryOp;

/**
 * The FLOAT64 element-wise, reduction and row kernels of the jblas backend, as plain loops over row-major
 * {@code double[]} arrays; the FLOAT64 twin of {@link FloatKernels} (same structure, same aliasing rules).
 */
final class DoubleKernels {
    private DoubleKernels() {
    }

    static void binary(BinaryOp op, double[] a, double[] b, double[] out) {
        int n = out.length;
        switch (op) {
            case ADD: for (int i = 0; i < n; i++) { out[i] = a[i] + b[i]; } break;
            case SUB: for (int i = 0; i < n; i++) { out[i] = a[i] - b[i]; } break;
            case MUL: for (int i = 0; i < n; i++) { out[i] = a[i] * b[i]; } break;
            case DIV: for (int i = 0; i < n; i++) { out[i] = a[i] / b[i]; } break;
            default: throw new AssertionError(op);
        }
    }

    static void scalar(ScalarOp op, double[] a, double s, double[] out) {
        int n = out.length;
        switch (op) {
            case ADD: for (int i = 0; i < n; i++) { out[i] = a[i] + s; } break;
            case SUB: for (int i = 0; i < n; i++) { out[i] = a[i] - s; } break;
            case REVERSE_SUB: for (int i = 0; i < n; i++) { out[i] = s - a[i]; } break;
            case MUL: for (int i = 0; i < n; i++) { out[i] = a[i] * s; } break;
            case DIV: for (int i = 0; i < n; i++) { out[i] = a[i] / s; } break;
            case MAX: for (int i = 0; i < n; i++) { out[i] = Math.max(a[i], s); } break;
            case MIN: for (int i = 0; i < n; i++) { out[i] = Math.min(a[i], s); } break;
            default: throw new AssertionError(op);
        }
    }

    static void unary(UnaryOp f, double[] a, double[] out) {
        int n = out.length;
        switch (f) {
            case NEGATE: for (int i = 0; i < n; i++) { out[i] = -a[i]; } break;
            case ABS: for (int i = 0; i < n; i++) { out[i] = Math.abs(a[i]); } break;
            case SQUARE: for (int i = 0; i < n; i++) { out[i] = a[i] * a[i]; } break;
            case SQRT: for (int i = 0; i < n; i++) { out[i] = Math.sqrt(a[i]); } break;
            case EXP: for (int i = 0; i < n; i++) { out[i] = Math.exp(a[i]); } break;
            case LOG: for (int i = 0; i < n; i++) { out[i] = Math.log(a[i]); } break;
            default: throw new AssertionError(f);
        }
    }

    static void activation(Activation f, double[] x, double[] y) {
        int n = y.length;
        switch (f) {
            case IDENTITY:
                if (x != y) {
                    System.arraycopy(x, 0, y, 0, n);
                }
                break;
            case RELU: for (int i = 0; i < n; i++) { y[i] = x[i] > 0 ? x[i] : 0.0; } break;
            case SIGMOID: for (int i = 0; i < n; i++) { y[i] = (1.0 / (1.0 + Math.exp(-x[i]))); } break;
            case TANH: for (int i = 0; i < n; i++) { y[i] = Math.tanh(x[i]); } break;
            default: throw new AssertionError(f);
        }
    }

    /** {@code dx = f'(x) * dy}, ReLU from {@code x}, sigmoid and tanh from {@code y}. */
    static void activationBackward(Activation f, double[] x, double[] y, double[] dy, double[] dx) {
        int n = dx.length;
        switch (f) {
            case IDENTITY:
                if (dy != dx) {
                    System.arraycopy(dy, 0, dx, 0, n);
                }
                break;
            case RELU: for (int i = 0; i < n; i++) { dx[i] = x[i] > 0 ? dy[i] : 0.0; } break;
            case SIGMOID: for (int i = 0; i < n; i++) { dx[i] = y[i] * (1.0 - y[i]) * dy[i]; } break;
            case TANH: for (int i = 0; i < n; i++) { dx[i] = (1.0 - y[i] * y[i]) * dy[i]; } break;
            default: throw new AssertionError(f);
        }
    }

    /** {@code out[i, j] = a[i, j] + row[j]} for a row-major {@code a} with {@code row.length} columns. */
    static void addRowVector(double[] a, double[] row, double[] out) {
        int c = row.length;
        for (int base = 0; base < out.length; base += c) {
            for (int j = 0; j < c; j++) {
                out[base + j] = a[base + j] + row[j];
            }
        }
    }

    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    static double reduce(Reduction r, double[] a) {
        switch (r) {
            case SUM: {
                double s = 0;
                for (double v : a) {
                    s += v;
                }
                return s;
            }
            case SUM_OF_SQUARES: {
                double s = 0;
                for (double v : a) {
                    s += v * v;
                }
                return s;
            }
            case MAX: {
                double m = Double.NEGATIVE_INFINITY;
                for (double v : a) {
                    m = Math.max(m, v); // Math.max propagates NaN
                }
                return m;
            }
            case MIN: {
                double m = Double.POSITIVE_INFINITY;
                for (double v : a) {
                    m = Math.min(m, v);
                }
                return m;
            }
            default: throw new AssertionError(r);
        }
    }

    /** Column sums (axis 0) or row sums (axis 1) of a row-major {@code [rows, cols]} matrix. */
    static void sumAlong(int axis, double[] a, int rows, int cols, double[] out) {
        if (axis == 0) {
            java.util.Arrays.fill(out, 0.0);
            for (int i = 0; i < rows; i++) {
                int base = i * cols;
                for (int j = 0; j < cols; j++) {
                    out[j] += a[base + j];
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                double s = 0;
                int base = i * cols;
                for (int j = 0; j < cols; j++) {
                    s += a[base + j];
                }
                out[i] = s;
            }
        }
    }

    /** {@code out = a'} for a row-major {@code [rows, cols]} {@code a}, in cache-sized tiles. */
    static void transpose(double[] a, int rows, int cols, double[] out) {
        final int tile = 32;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            int i1 = Math.min(rows, i0 + tile);
            for (int j0 = 0; j0 < cols; j0 += tile) {
                int j1 = Math.min(cols, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        out[j * rows + i] = a[i * cols + j];
                    }
                }
            }
        }
    }

    /** Copies the rows {@code indices[offset .. offset+count-1]} of {@code src} (rows of {@code rowLength}) into {@code dst}. */
}
