package io.github.nn4j.api.backend;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;
import java.util.Arrays;

/**
 * The plain-Java FLOAT64 kernels on row-major {@code double[]} arrays: the default of every compute kernel of
 * {@link Backend}, and the building blocks a backend reuses where it does not do better (the pure backend's SIMD
 * kernels finish their last elements with the methods here). One source for both precisions:
 * {@code FloatArrayKernels} is generated from {@code DoubleArrayKernels} <!-- same in FLOAT32 -->
 * ({@code io.github.nn4j.api.codegen.Float32Generator} in the test-jar).
 *
 * <p>Simple counted loops, which the JIT may vectorise by itself; ReLU without branches; sums accumulated in
 * double precision in a fixed order, so results are deterministic (and FLOAT32 sums are as precise as the
 * conformance suite requires). The element-wise methods work on the index range {@code from .. to-1} and allow the output to be one of
 * the inputs, exactly as {@link Backend} allows it. Arguments are not checked: {@link Backend} validated them.
 * Stateless, so thread-safe for calls on distinct outputs.
 */
@SuppressWarnings("cast") // the redundant casts to double mark where the generated FLOAT32 code rounds
public final class DoubleArrayKernels {
    /** Transposes move blocks of this many rows and columns, so that reads and writes both stay in cache. */
    public static final int TRANSPOSE_BLOCK = 32;

    private DoubleArrayKernels() {
    }

    // ================================================================================ linear algebra

    /**
     * {@code c = alpha op(a) op(b) + beta c} with {@code op(a)} {@code [m, k]} and {@code op(b)} {@code [k, n]}, as a
     * plain triple loop (one dot product per element, in increasing {@code p}); with {@code beta == 0} the old contents
     * of {@code c} are ignored, even NaN. Fine for small products; backends override it for large ones.
     *
     * @param alpha the factor of the product
     * @param a the left matrix, row-major
     * @param transA whether {@code op(a)} is the transpose of {@code a}
     * @param b the right matrix, row-major
     * @param transB whether {@code op(b)} is the transpose of {@code b}
     * @param beta the factor of the old {@code c}
     * @param c the output {@code [m, n]}, row-major, distinct from {@code a} and {@code b}
     * @param m the rows of {@code op(a)} and {@code c}
     * @param n the columns of {@code op(b)} and {@code c}
     * @param k the columns of {@code op(a)}, the rows of {@code op(b)}
     */
    public static void gemm(double alpha, double[] a, boolean transA, double[] b, boolean transB, double beta,
                            double[] c, int m, int n, int k) {
        int aRow = transA ? 1 : k;
        int aCol = transA ? m : 1;
        int bRow = transB ? 1 : n;
        int bCol = transB ? k : 1;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0.0;
                for (int p = 0; p < k; p++) {
                    acc += a[i * aRow + p * aCol] * b[p * bRow + j * bCol];
                }
                int o = i * n + j;
                c[o] = beta == 0.0 ? alpha * acc : alpha * acc + beta * c[o];
            }
        }
    }

    /**
     * {@code out[j, i] = a[i, j]} for an {@code [rows, cols]} matrix, in {@link #TRANSPOSE_BLOCK}-square blocks.
     *
     * @param a the matrix {@code [rows, cols]}
     * @param rows its number of rows
     * @param cols its number of columns
     * @param out the output {@code [cols, rows]}, distinct from {@code a}
     */
    public static void transpose(double[] a, int rows, int cols, double[] out) {
        for (int i0 = 0; i0 < rows; i0 += TRANSPOSE_BLOCK) {
            int i1 = Math.min(rows, i0 + TRANSPOSE_BLOCK);
            for (int j0 = 0; j0 < cols; j0 += TRANSPOSE_BLOCK) {
                int j1 = Math.min(cols, j0 + TRANSPOSE_BLOCK);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        out[j * rows + i] = a[i * cols + j];
                    }
                }
            }
        }
    }

    // ================================================================================ element-wise

    /**
     * {@code out[i] = a[i] op b[i]} for {@code from <= i < to}.
     *
     * @param op the operation
     * @param a the left operand
     * @param b the right operand
     * @param out the output (may be an input)
     * @param from the first index
     * @param to the index after the last
     */
    public static void binary(BinaryOp op, double[] a, double[] b, double[] out, int from, int to) {
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

    /**
     * {@code out[i] = a[i] op s} for {@code from <= i < to}.
     *
     * @param op the operation
     * @param a the array operand
     * @param s the scalar operand
     * @param out the output (may be an input)
     * @param from the first index
     * @param to the index after the last
     */
    public static void scalar(ScalarOp op, double[] a, double s, double[] out, int from, int to) {
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

    /**
     * {@code out[i] = f(a[i])} for {@code from <= i < to}; transcendental functions from {@link Math}, rounded once.
     *
     * @param f the function
     * @param a the input
     * @param out the output (may be an input)
     * @param from the first index
     * @param to the index after the last
     */
    public static void unary(UnaryOp f, double[] a, double[] out, int from, int to) {
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
                    out[i] = (double) Math.sqrt(a[i]);
                }
                break;
            case EXP:
                for (int i = from; i < to; i++) {
                    out[i] = (double) Math.exp(a[i]);
                }
                break;
            case LOG:
                for (int i = from; i < to; i++) {
                    out[i] = (double) Math.log(a[i]);
                }
                break;
            default:
                throw new AssertionError(f);
        }
    }

    /**
     * {@code y[i] = f(x[i])} for {@code from <= i < to}: ReLU gives +0 for every {@code x <= 0} and for NaN; the
     * sigmoid is exactly 0 far out on the left (exp(-x) overflows to infinity), never NaN for a number.
     *
     * @param f the activation
     * @param x the input
     * @param y the output (may be {@code x})
     * @param from the first index
     * @param to the index after the last
     */
    public static void activation(Activation f, double[] x, double[] y, int from, int to) {
        switch (f) {
            case IDENTITY:
                if (x != y) {
                    System.arraycopy(x, from, y, from, to - from);
                }
                break;
            case RELU:
                for (int i = from; i < to; i++) {
                    y[i] = ScalarFunctions.relu(x[i]);
                }
                break;
            case SIGMOID:
                for (int i = from; i < to; i++) {
                    y[i] = (double) (1.0 / (1.0 + Math.exp(-x[i])));
                }
                break;
            case TANH:
                for (int i = from; i < to; i++) {
                    y[i] = ScalarFunctions.tanh(x[i]);
                }
                break;
            default:
                throw new AssertionError(f);
        }
    }

    /**
     * {@code dx[i] = f'(x[i]) dy[i]} for {@code from <= i < to}, the derivative taken from {@code x} (ReLU: 0 at 0)
     * or from the forward output {@code y} (sigmoid {@code y(1-y)}, tanh {@code 1-y²}).
     *
     * @param f the activation
     * @param x the forward input
     * @param y the forward output {@code f(x)}
     * @param dy the gradient with respect to {@code y}
     * @param dx the gradient with respect to {@code x} (may be {@code dy})
     * @param from the first index
     * @param to the index after the last
     */
    public static void activationBackward(Activation f, double[] x, double[] y, double[] dy, double[] dx,
                                          int from, int to) {
        switch (f) {
            case IDENTITY:
                if (dy != dx) {
                    System.arraycopy(dy, from, dx, from, to - from);
                }
                break;
            case RELU:
                for (int i = from; i < to; i++) {
                    dx[i] = ScalarFunctions.reluGate(x[i], dy[i]);
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
     * {@code y[i] = x[i] > 0 ? x[i] : alpha x[i]} for {@code from <= i < to}: one rounding; NaN stays NaN.
     *
     * @param alpha the slope for {@code x <= 0}
     * @param x the input
     * @param y the output (may be {@code x})
     * @param from the first index
     * @param to the index after the last
     */
    public static void leakyRelu(double alpha, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = x[i];
            y[i] = v > 0 ? v : alpha * v;
        }
    }

    /**
     * {@code dx[i] = x[i] > 0 ? dy[i] : alpha dy[i]} for {@code from <= i < to}: the slope at 0 is {@code alpha}.
     *
     * @param alpha the slope for {@code x <= 0}
     * @param x the forward input
     * @param dy the gradient with respect to the output
     * @param dx the gradient with respect to {@code x} (may be {@code dy} or {@code x})
     * @param from the first index
     * @param to the index after the last
     */
    public static void leakyReluBackward(double alpha, double[] x, double[] dy, double[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            double g = dy[i];
            dx[i] = x[i] > 0 ? g : alpha * g;
        }
    }

    /**
     * {@code out[i, j] = a[i, j] + row[j]} for an {@code [rows, cols]} matrix.
     *
     * @param a the matrix {@code [rows, cols]}
     * @param row the row of {@code cols} elements
     * @param out the output {@code [rows, cols]} (may be {@code a})
     * @param rows the number of rows
     * @param cols the number of columns
     */
    public static void addRowVector(double[] a, double[] row, double[] out, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                out[base + j] = a[base + j] + row[j];
            }
        }
    }

    /**
     * {@code y[i] += alpha x[i]} for {@code from <= i < to}: a product, then a sum.
     *
     * @param alpha the factor of {@code x}
     * @param x the array to add
     * @param y the array added to, in place
     * @param from the first index
     * @param to the index after the last
     */
    public static void axpy(double alpha, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    // ================================================================================ probabilities, dropout
    // Row computations in double precision, rounded once when stored: exact in FLOAT64 but for the exponential and
    // the logarithm, and for FLOAT32 as accurate as float holds.

    /** The largest of {@code n} values from {@code from}; NaN if one is NaN. */
    private static double rowMax(double[] a, int from, int n) { // same in FLOAT32
        double m = a[from]; // same in FLOAT32
        for (int j = 1; j < n; j++) {
            m = Math.max(m, a[from + j]);
        }
        return m;
    }

    /** {@code Σ_j exp(a[from + j] - max)} over {@code n} values, in double precision. */
    private static double expSum(double[] a, int from, int n, double max) { // same in FLOAT32
        double s = 0; // same in FLOAT32
        for (int j = 0; j < n; j++) {
            s += Math.exp(a[from + j] - max);
        }
        return s;
    }

    /**
     * Row-wise softmax of an {@code [rows, cols]} matrix: {@code y[i, j] = exp(x[i, j] - m) / Σ_k exp(x[i, k] - m)}
     * with {@code m} the row's largest element, so that no exponential overflows. {@code y} may be {@code x}.
     *
     * @param x    the inputs
     * @param y    the outputs
     * @param rows the rows
     * @param cols the columns (classes)
     */
    public static void softmax(double[] x, double[] y, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            double max = rowMax(x, base, cols); // same in FLOAT32
            double sum = expSum(x, base, cols, max); // same in FLOAT32
            for (int j = 0; j < cols; j++) {
                y[base + j] = (double) (Math.exp(x[base + j] - max) / sum);
            }
        }
    }

    /**
     * The gradient of a row-wise softmax with outputs {@code y}: {@code dx[i, j] = y[i, j] (dy[i, j] - Σ_k dy[i, k]
     * y[i, k])}. {@code dx} may be {@code dy} or {@code y}.
     *
     * @param y    the softmax's outputs
     * @param dy   the gradient with respect to them
     * @param dx   the gradient with respect to the inputs
     * @param rows the rows
     * @param cols the columns (classes)
     */
    public static void softmaxBackward(double[] y, double[] dy, double[] dx, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            double dot = 0; // same in FLOAT32
            for (int j = 0; j < cols; j++) {
                dot += (double) y[base + j] * dy[base + j]; // same in FLOAT32
            }
            for (int j = 0; j < cols; j++) {
                dx[base + j] = (double) (y[base + j] * (dy[base + j] - dot));
            }
        }
    }

    /**
     * Softmax cross-entropy of logits {@code z} {@code [rows, cols]} against targets {@code t}: class labels
     * ({@code [rows, 1]}, already checked to be classes) when {@code labels}, else target distributions
     * {@code [rows, cols]} (one-hot rows, or any weights). Row {@code i}'s loss is
     * {@code Σ_j t_ij (log Σ_k exp(z_ik - m) - (z_ij - m))} (log-sum-exp from the row's maximum {@code m}: no overflow,
     * and no cancellation, as every term is {@code >= 0}); its gradient {@code g_ij = scale (softmax_ij Σ_k t_ik - t_ij)},
     * i.e. {@code scale (softmax - onehot)} for a label.
     *
     * @param z      the logits
     * @param t      the labels or target distributions
     * @param labels whether {@code t} holds labels
     * @param scale  the factor of the gradient
     * @param g      the gradient
     * @param rows   the rows
     * @param cols   the columns (classes)
     * @return the sum of the rows' losses, in double precision
     */
    public static double softmaxCrossEntropy(double[] z, double[] t, boolean labels, double scale, double[] g, // same in FLOAT32
                                             int rows, int cols) {
        double total = 0; // same in FLOAT32
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            double max = rowMax(z, base, cols); // same in FLOAT32
            double sum = expSum(z, base, cols, max); // same in FLOAT32
            double logSum = Math.log(sum); // same in FLOAT32
            if (labels) {
                int label = (int) t[i];
                total += logSum - (z[base + label] - max);
                for (int j = 0; j < cols; j++) {
                    double p = Math.exp(z[base + j] - max) / sum; // same in FLOAT32
                    g[base + j] = (double) (scale * (j == label ? p - 1 : p));
                }
            } else {
                double weight = 0; // same in FLOAT32
                for (int j = 0; j < cols; j++) {
                    double tj = t[base + j]; // same in FLOAT32
                    weight += tj;
                    if (tj != 0) {
                        total += tj * (logSum - (z[base + j] - max));
                    }
                }
                for (int j = 0; j < cols; j++) {
                    double p = Math.exp(z[base + j] - max) / sum; // same in FLOAT32
                    g[base + j] = (double) (scale * (p * weight - t[base + j]));
                }
            }
        }
        return total;
    }

    /**
     * Binary cross-entropy of logits {@code z} against targets {@code t} (probabilities), element-wise for
     * {@code from <= i < to}, in the stable form {@code max(z, 0) - z t + log(1 + exp(-|z|))}; the gradient
     * {@code g[i] = scale (σ(z) - t)}.
     *
     * @param z     the logits
     * @param t     the targets
     * @param scale the factor of the gradient
     * @param g     the gradient
     * @param from  the first element
     * @param to    the element after the last
     * @return the sum of the losses, in double precision
     */
    public static double sigmoidCrossEntropy(double[] z, double[] t, double scale, double[] g, int from, int to) { // same in FLOAT32
        double total = 0; // same in FLOAT32
        for (int i = from; i < to; i++) {
            double x = z[i]; // same in FLOAT32
            double y = t[i]; // same in FLOAT32
            double e = Math.exp(-Math.abs(x)); // same in FLOAT32
            total += Math.max(x, 0) - x * y + Math.log1p(e);
            double sigmoid = x >= 0 ? 1 / (1 + e) : e / (1 + e); // same in FLOAT32
            g[i] = (double) (scale * (sigmoid - y));
        }
        return total;
    }

    /**
     * The dropout mask of step {@code step} of a layer seeded with {@code seed}, for elements {@code from <= i < to}:
     * {@code 1 / (1 - rate)} (rounded to the dtype) where {@link DropoutMasks} keeps the element, else 0.
     *
     * @param rate the probability of dropping an element
     * @param seed the layer's seed
     * @param step the training step's index
     * @param mask the mask
     * @param from the first element
     * @param to   the element after the last
     */
    public static void dropoutMask(double rate, long seed, long step, double[] mask, int from, int to) { // same in FLOAT32
        long threshold = DropoutMasks.threshold(rate);
        long counter = DropoutMasks.counter(DropoutMasks.key(seed, step), from);
        double kept = (double) (1 / (1 - rate));
        for (int i = from; i < to; i++) {
            mask[i] = kept * DropoutMasks.keptBit(counter, threshold);
            counter += DropoutMasks.GAMMA;
        }
    }

    // ================================================================================ reductions

    /**
     * The reduction of {@code a[0 .. n-1]}: sums accumulated in double precision, max and min NaN-propagating.
     *
     * @param r the reduction
     * @param a the elements
     * @param n how many, from index 0
     * @return the reduction (a sum, mean, max or min), accumulated as described
     */
    public static double reduce(Reduction r, double[] a, int n) { // same in FLOAT32
        switch (r) {
            case SUM:
                return sum(a, 0, n);
            case SUM_OF_SQUARES: {
                double s0 = 0; // same in FLOAT32
                double s1 = 0; // same in FLOAT32
                double s2 = 0; // same in FLOAT32
                double s3 = 0; // same in FLOAT32
                int i = 0;
                for (; i + 3 < n; i += 4) {
                    double v0 = a[i]; // same in FLOAT32
                    double v1 = a[i + 1]; // same in FLOAT32
                    double v2 = a[i + 2]; // same in FLOAT32
                    double v3 = a[i + 3]; // same in FLOAT32
                    s0 += v0 * v0;
                    s1 += v1 * v1;
                    s2 += v2 * v2;
                    s3 += v3 * v3;
                }
                for (; i < n; i++) {
                    double v = a[i]; // same in FLOAT32
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

    /**
     * The sum of {@code a[from .. from+n-1]} in double precision, in a fixed order (four interleaved partial sums).
     *
     * @param a the elements
     * @param from the first index
     * @param n how many
     * @return the sum
     */
    public static double sum(double[] a, int from, int n) { // same in FLOAT32
        double s0 = 0; // same in FLOAT32
        double s1 = 0; // same in FLOAT32
        double s2 = 0; // same in FLOAT32
        double s3 = 0; // same in FLOAT32
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

    /**
     * {@code out[j] = sum_i a[i, j]}: the column sums of an {@code [rows, cols]} matrix, each in row order.
     *
     * @param a the matrix {@code [rows, cols]}
     * @param rows the number of rows
     * @param cols the number of columns
     * @param out the {@code cols} sums
     */
    public static void sumColumns(double[] a, int rows, int cols, double[] out) {
        // Four columns per pass, each with an accumulator in double precision, reading the rows in order.
        int j = 0;
        for (; j + 3 < cols; j += 4) {
            double s0 = 0; // same in FLOAT32
            double s1 = 0; // same in FLOAT32
            double s2 = 0; // same in FLOAT32
            double s3 = 0; // same in FLOAT32
            for (int i = 0; i < rows; i++) {
                int o = i * cols + j;
                s0 += a[o];
                s1 += a[o + 1];
                s2 += a[o + 2];
                s3 += a[o + 3];
            }
            out[j] = (double) s0;
            out[j + 1] = (double) s1;
            out[j + 2] = (double) s2;
            out[j + 3] = (double) s3;
        }
        for (; j < cols; j++) {
            double s = 0; // same in FLOAT32
            for (int i = 0; i < rows; i++) {
                s += a[i * cols + j];
            }
            out[j] = (double) s;
        }
    }

    /**
     * {@code out[i] = sum_j a[i, j]}: the row sums of an {@code [rows, cols]} matrix.
     *
     * @param a the matrix {@code [rows, cols]}
     * @param rows the number of rows
     * @param cols the number of columns
     * @param out the {@code rows} sums
     */
    public static void sumRows(double[] a, int rows, int cols, double[] out) {
        for (int i = 0; i < rows; i++) {
            out[i] = (double) sum(a, i * cols, cols);
        }
    }

    // ================================================================================ tensors: Backend's defaults
    // Each takes the arrays from the backend (its own arrays, or copies: see Backend.doublesToRead) and hands the
    // written ones back.

    static void copy(Backend be, Tensor src, Tensor dst) {
        double[] d = be.doublesToWrite(dst);
        System.arraycopy(be.doublesToRead(src), 0, d, 0, src.size());
        be.written(dst, d);
    }

    static void fill(Backend be, Tensor t, double value) { // same in FLOAT32
        double[] d = be.doublesToWrite(t);
        Arrays.fill(d, 0, t.size(), (double) value);
        be.written(t, d);
    }

    static void gemm(Backend be, double alpha, Tensor a, boolean transA, Tensor b, boolean transB, double beta, // same in FLOAT32
                     Tensor c) {
        int m = c.shape().dim(0);
        int n = c.shape().dim(1);
        int k = transA ? a.shape().dim(0) : a.shape().dim(1);
        double[] cs = beta == 0 ? be.doublesToWrite(c) : be.doublesToRead(c);
        gemm((double) alpha, be.doublesToRead(a), transA, be.doublesToRead(b), transB, beta == 0 ? 0 : (double) beta,
                cs, m, n, k);
        be.written(c, cs);
    }

    static void transpose(Backend be, Tensor a, Tensor out) {
        double[] o = be.doublesToWrite(out);
        transpose(be.doublesToRead(a), a.shape().dim(0), a.shape().dim(1), o);
        be.written(out, o);
    }

    static void binary(Backend be, BinaryOp op, Tensor a, Tensor b, Tensor out) {
        double[] o = be.doublesToWrite(out);
        binary(op, be.doublesToRead(a), be.doublesToRead(b), o, 0, a.size());
        be.written(out, o);
    }

    static void scalar(Backend be, ScalarOp op, Tensor a, double s, Tensor out) { // same in FLOAT32
        double[] o = be.doublesToWrite(out);
        scalar(op, be.doublesToRead(a), (double) s, o, 0, a.size());
        be.written(out, o);
    }

    static void unary(Backend be, UnaryOp f, Tensor a, Tensor out) {
        double[] o = be.doublesToWrite(out);
        unary(f, be.doublesToRead(a), o, 0, a.size());
        be.written(out, o);
    }

    static void activation(Backend be, Activation f, Tensor x, Tensor y) {
        double[] o = be.doublesToWrite(y);
        activation(f, be.doublesToRead(x), o, 0, x.size());
        be.written(y, o);
    }

    static void activationBackward(Backend be, Activation f, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        double[] o = be.doublesToWrite(dx);
        activationBackward(f, be.doublesToRead(x), be.doublesToRead(y), be.doublesToRead(dy), o, 0, x.size());
        be.written(dx, o);
    }

    static void leakyRelu(Backend be, double alpha, Tensor x, Tensor y) { // same in FLOAT32
        double[] o = be.doublesToWrite(y);
        leakyRelu((double) alpha, be.doublesToRead(x), o, 0, x.size());
        be.written(y, o);
    }

    static void leakyReluBackward(Backend be, double alpha, Tensor x, Tensor dy, Tensor dx) { // same in FLOAT32
        double[] o = be.doublesToWrite(dx);
        leakyReluBackward((double) alpha, be.doublesToRead(x), be.doublesToRead(dy), o, 0, x.size());
        be.written(dx, o);
    }

    static void softmax(Backend be, Tensor x, Tensor y) {
        double[] o = be.doublesToWrite(y);
        softmax(be.doublesToRead(x), o, x.shape().dim(0), x.shape().dim(1));
        be.written(y, o);
    }

    static void softmaxBackward(Backend be, Tensor y, Tensor dy, Tensor dx) {
        double[] o = be.doublesToWrite(dx);
        softmaxBackward(be.doublesToRead(y), be.doublesToRead(dy), o, y.shape().dim(0), y.shape().dim(1));
        be.written(dx, o);
    }

    static double softmaxCrossEntropy(Backend be, Tensor z, Tensor t, double scale, Tensor g) { // same in FLOAT32
        int rows = z.shape().dim(0);
        int cols = z.shape().dim(1);
        boolean labels = t.shape().dim(1) == 1 && cols > 1;
        double[] targets = be.doublesToRead(t);
        if (labels) {
            requireLabels(targets, rows, cols);
        }
        double[] logits = be.doublesToRead(z);
        double[] o = be.doublesToWrite(g);
        double total = softmaxCrossEntropy(logits, targets, labels, scale, o, rows, cols); // same in FLOAT32
        be.written(g, o);
        return total;
    }

    /** Checks, before anything is written, that each of the {@code rows} labels is a class {@code 0 .. cols-1}. */
    private static void requireLabels(double[] labels, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            double v = labels[i]; // same in FLOAT32
            if (!(v >= 0 && v < cols) || v != Math.rint(v)) {
                throw new IllegalArgumentException("softmaxCrossEntropy: the label of row " + i + " is " + v
                        + ", not a class 0.." + (cols - 1));
            }
        }
    }

    static double sigmoidCrossEntropy(Backend be, Tensor z, Tensor t, double scale, Tensor g) { // same in FLOAT32
        double[] logits = be.doublesToRead(z);
        double[] targets = be.doublesToRead(t);
        double[] o = be.doublesToWrite(g);
        double total = sigmoidCrossEntropy(logits, targets, scale, o, 0, z.size()); // same in FLOAT32
        be.written(g, o);
        return total;
    }

    static void dropoutMask(Backend be, double rate, long seed, long step, Tensor mask) { // same in FLOAT32
        double[] o = be.doublesToWrite(mask);
        dropoutMask(rate, seed, step, o, 0, mask.size());
        be.written(mask, o);
    }

    static void addRowVector(Backend be, Tensor a, Tensor row, Tensor out) {
        double[] o = be.doublesToWrite(out);
        addRowVector(be.doublesToRead(a), be.doublesToRead(row), o, a.shape().dim(0), a.shape().dim(1));
        be.written(out, o);
    }

    static void axpy(Backend be, double alpha, Tensor x, Tensor y) { // same in FLOAT32
        double[] o = be.doublesToRead(y);
        axpy((double) alpha, be.doublesToRead(x), o, 0, x.size());
        be.written(y, o);
    }

    static double reduce(Backend be, Reduction r, Tensor a) { // same in FLOAT32
        return reduce(r, be.doublesToRead(a), a.size());
    }

    static void sumAlong(Backend be, int axis, Tensor a, Tensor out) {
        double[] o = be.doublesToWrite(out);
        if (axis == 0) {
            sumColumns(be.doublesToRead(a), a.shape().dim(0), a.shape().dim(1), o);
        } else {
            sumRows(be.doublesToRead(a), a.shape().dim(0), a.shape().dim(1), o);
        }
        be.written(out, o);
    }

    static void gatherRows(Backend be, Tensor src, int[] indices, int offset, int count, Tensor dst) {
        int rowLength = src.size() / src.shape().dim(0);
        double[] s = be.doublesToRead(src);
        double[] d = be.doublesToWrite(dst);
        for (int r = 0; r < count; r++) {
            System.arraycopy(s, indices[offset + r] * rowLength, d, r * rowLength, rowLength);
        }
        be.written(dst, d);
    }

    static void copyRows(Backend be, Tensor src, int srcRow, Tensor dst, int dstRow, int count) {
        int rowLength = src.size() / src.shape().dim(0);
        double[] d = be.doublesToRead(dst); // only some rows change
        System.arraycopy(be.doublesToRead(src), srcRow * rowLength, d, dstRow * rowLength, count * rowLength);
        be.written(dst, d);
    }
}
