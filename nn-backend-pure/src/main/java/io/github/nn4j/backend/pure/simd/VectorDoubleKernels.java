package io.github.nn4j.backend.pure.simd;

import io.github.nn4j.api.backend.DoubleArrayKernels;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FLOAT64 element-wise kernels and max/min on the Vector API: each loop runs whole vectors of the preferred
 * species and leaves the last few elements to the plain-Java kernels of {@link DoubleArrayKernels}. exp, tanh and
 * sigmoid come from {@link VectorFunctions}, which give the same bits compiled or interpreted (the Vector API's own
 * transcendental operators do not), on all threads for large arrays ({@link ParallelKernels}); log stays scalar
 * for the same reason. Sums are in {@link VectorDoubleSums}.
 * {@code VectorFloatKernels} is generated from {@code VectorDoubleKernels}. <!-- same in FLOAT32 -->
 *
 * <p>Only the preferred species is used, here and in every SIMD class; why, and what else keeps these loops free
 * of allocation under C2: {@code docs/jit-notes.md}. Stateless, so thread-safe for calls on distinct outputs.
 */
public final class VectorDoubleKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorDoubleKernels() {
    }

    /** {@code out[i] = a[i] op b[i]} for {@code i < n}; {@code out} may be {@code a} or {@code b}. */
    public static void binary(BinaryOp op, double[] a, double[] b, double[] out, int n) {
        binary(op, a, b, out, 0, n);
    }

    /** {@code out[i] = a[i] op b[i]} for {@code from <= i < to}; {@code out} may be {@code a} or {@code b}. */
    public static void binary(BinaryOp op, double[] a, double[] b, double[] out, int from, int to) {
        int bound = from + S.loopBound(to - from);
        switch (op) {
            case ADD:
                for (int i = from; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).add(DoubleVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case SUB:
                for (int i = from; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).sub(DoubleVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case MUL:
                for (int i = from; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).mul(DoubleVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case DIV:
                for (int i = from; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).div(DoubleVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        DoubleArrayKernels.binary(op, a, b, out, bound, to);
    }

    /** {@code out[i] = a[i] op s} for {@code i < n}; {@code out} may be {@code a}. */
    public static void scalar(ScalarOp op, double[] a, double s, double[] out, int n) {
        int bound = S.loopBound(n);
        DoubleVector vs = DoubleVector.broadcast(S, s);
        switch (op) {
            case ADD:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).add(vs).intoArray(out, i);
                }
                break;
            case SUB:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).sub(vs).intoArray(out, i);
                }
                break;
            case REVERSE_SUB:
                for (int i = 0; i < bound; i += L) {
                    vs.sub(DoubleVector.fromArray(S, a, i)).intoArray(out, i);
                }
                break;
            case MUL:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).mul(vs).intoArray(out, i);
                }
                break;
            case DIV:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).div(vs).intoArray(out, i);
                }
                break;
            case MAX: // lane-wise max follows Math.max, NaN included
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).max(vs).intoArray(out, i);
                }
                break;
            case MIN:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).min(vs).intoArray(out, i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        DoubleArrayKernels.scalar(op, a, s, out, bound, n);
    }

    /** {@code out[i] = f(a[i])} for {@code i < n}, exp on the {@code functions}' threads; {@code out} may be {@code a}. */
    public static void unary(UnaryOp f, double[] a, double[] out, int n, ParallelKernels parallel) {
        if (n < VectorFunctions.MIN_LENGTH && f == UnaryOp.EXP) {
            DoubleArrayKernels.unary(f, a, out, 0, n); // tiny tensors: see VectorFunctions.MIN_LENGTH
            return;
        }
        int bound = S.loopBound(n);
        switch (f) {
            case NEGATE:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).neg().intoArray(out, i);
                }
                break;
            case ABS:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).abs().intoArray(out, i);
                }
                break;
            case SQUARE:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, a, i);
                    v.mul(v).intoArray(out, i);
                }
                break;
            case SQRT:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).sqrt().intoArray(out, i);
                }
                break;
            case EXP:
                parallel.apply(ParallelKernels.Function.EXP, a, out, n);
                return;
            case LOG: // no exact-arithmetic vector log here: the scalar loop keeps results reproducible
                bound = 0;
                break;
            default:
                throw new AssertionError(f);
        }
        DoubleArrayKernels.unary(f, a, out, bound, n);
    }

    /** {@code y[i] = f(x[i])} for {@code i < n}, sigmoid and tanh on the {@code functions}' threads. */
    public static void activation(Activation f, double[] x, double[] y, int n, ParallelKernels parallel) {
        if (n < VectorFunctions.MIN_LENGTH && (f == Activation.SIGMOID || f == Activation.TANH)) {
            DoubleArrayKernels.activation(f, x, y, 0, n); // tiny tensors: see VectorFunctions.MIN_LENGTH
            return;
        }
        int bound = S.loopBound(n);
        DoubleVector zero = DoubleVector.zero(S);
        switch (f) {
            case IDENTITY:
                bound = 0; // a plain copy
                break;
            case RELU: // x > 0 ? x : 0, so NaN and -0 give +0 as in the reference
                for (int i = 0; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, x, i);
                    zero.blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(y, i);
                }
                break;
            case SIGMOID: // exactly 0 or 1 far out, never NaN
                parallel.apply(ParallelKernels.Function.SIGMOID, x, y, n);
                return;
            case TANH:
                parallel.apply(ParallelKernels.Function.TANH, x, y, n);
                return;
            default:
                throw new AssertionError(f);
        }
        DoubleArrayKernels.activation(f, x, y, bound, n);
    }

    /** {@code dx[i] = f'(x[i]) dy[i]} for {@code i < n}, from {@code x} (ReLU) or {@code y} (sigmoid, tanh). */
    public static void activationBackward(Activation f, double[] x, double[] y, double[] dy, double[] dx, int n) {
        activationBackward(f, x, y, dy, dx, 0, n);
    }

    /** {@code dx[i] = f'(x[i]) dy[i]} for {@code from <= i < to}, from {@code x} (ReLU) or {@code y}. */
    public static void activationBackward(Activation f, double[] x, double[] y, double[] dy, double[] dx, int from,
                                          int to) {
        int bound = from + S.loopBound(to - from);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        switch (f) {
            case IDENTITY:
                bound = from; // a plain copy
                break;
            case RELU:
                for (int i = from; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, x, i);
                    zero.blend(DoubleVector.fromArray(S, dy, i), v.compare(VectorOperators.GT, 0.0)).intoArray(dx, i);
                }
                break;
            case SIGMOID:
                for (int i = from; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, y, i);
                    v.mul(one.sub(v)).mul(DoubleVector.fromArray(S, dy, i)).intoArray(dx, i);
                }
                break;
            case TANH:
                for (int i = from; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, y, i);
                    one.sub(v.mul(v)).mul(DoubleVector.fromArray(S, dy, i)).intoArray(dx, i);
                }
                break;
            default:
                throw new AssertionError(f);
        }
        DoubleArrayKernels.activationBackward(f, x, y, dy, dx, bound, to);
    }

    /** {@code out[i, j] = a[i, j] + row[j]} for an {@code [rows, cols]} matrix. */
    public static void addRowVector(double[] a, double[] row, double[] out, int rows, int cols) {
        addRowVector(a, row, out, 0, rows, cols);
    }

    /** {@code out[i, j] = a[i, j] + row[j]} for the rows {@code rowFrom <= i < rowTo}, {@code cols} columns. */
    public static void addRowVector(double[] a, double[] row, double[] out, int rowFrom, int rowTo, int cols) {
        int bound = S.loopBound(cols);
        for (int r = rowFrom; r < rowTo; r++) {
            int base = r * cols;
            for (int j = 0; j < bound; j += L) {
                DoubleVector.fromArray(S, a, base + j).add(DoubleVector.fromArray(S, row, j)).intoArray(out, base + j);
            }
            for (int j = bound; j < cols; j++) {
                out[base + j] = a[base + j] + row[j];
            }
        }
    }

    /** {@code y[i] += alpha x[i]} for {@code i < n}. */
    public static void axpy(double alpha, double[] x, double[] y, int n) {
        axpy(alpha, x, y, 0, n);
    }

    /** {@code y[i] += alpha x[i]} for {@code from <= i < to}. */
    public static void axpy(double alpha, double[] x, double[] y, int from, int to) {
        int bound = from + S.loopBound(to - from);
        for (int i = from; i < bound; i += L) {
            // multiply, then add: rounds exactly like the scalar tail
            DoubleVector.fromArray(S, x, i).mul(alpha).add(DoubleVector.fromArray(S, y, i)).intoArray(y, i);
        }
        DoubleArrayKernels.axpy(alpha, x, y, bound, to);
    }

    /**
     * The reduction of {@code a[0 .. n-1]}: sums from {@link VectorDoubleSums}; max and min by the scalar kernels
     * (NaN-propagating). Max and min are called a few times per epoch (training's weight check), too rarely for the
     * JIT to compile a vector loop, and an uncompiled vector loop allocates every vector it touches; a scalar loop
     * allocates nothing at any compilation tier and costs well under a millisecond per epoch.
     */
    public static double reduce(Reduction r, double[] a, int n) { // same in FLOAT32
        switch (r) {
            case SUM:
                return VectorDoubleSums.sum(a, 0, n);
            case SUM_OF_SQUARES:
                return VectorDoubleSums.sumOfSquares(a, n);
            case MAX:
            case MIN:
                return DoubleArrayKernels.reduce(r, a, n);
            default:
                throw new AssertionError(r);
        }
    }
}
