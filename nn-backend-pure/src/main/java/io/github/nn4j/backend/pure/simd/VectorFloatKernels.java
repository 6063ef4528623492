package io.github.nn4j.backend.pure.simd;

// GENERATED from VectorDoubleKernels.java by io.github.nn4j.api.codegen.Float32Generator. Do not modify:
// edit VectorDoubleKernels.java and regenerate: java nn-api/src/test/java/io/github/nn4j/api/codegen/Float32Generator.java

import io.github.nn4j.api.backend.FloatArrayKernels;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.UnaryOp;
import javax.annotation.processing.Generated;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FLOAT32 element-wise kernels and max/min on the Vector API: each loop runs whole vectors of the preferred
 * species and leaves the last few elements to the plain-Java kernels of {@link FloatArrayKernels}. exp, tanh and
 * sigmoid come from {@link VectorFunctions}, which give the same bits compiled or interpreted (the Vector API's own
 * transcendental operators do not), on all threads for large arrays ({@link ParallelKernels}); log stays scalar
 * for the same reason. Sums are in {@link VectorFloatSums}.
 * {@code VectorFloatKernels} is generated from {@code VectorDoubleKernels}. <!-- same in FLOAT32 -->
 *
 * <p>Only the preferred species is used, here and in every SIMD class; why, and what else keeps these loops free
 * of allocation under C2: {@code docs/jit-notes.md}. Stateless, so thread-safe for calls on distinct outputs.
 */
@Generated(value = "io.github.nn4j.api.codegen.Float32Generator", comments = "from VectorDoubleKernels.java; do not modify: edit that file and regenerate")
public final class VectorFloatKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorFloatKernels() {
    }

    /** {@code out[i] = a[i] op b[i]} for {@code i < n}; {@code out} may be {@code a} or {@code b}. */
    public static void binary(BinaryOp op, float[] a, float[] b, float[] out, int n) {
        binary(op, a, b, out, 0, n);
    }

    /** {@code out[i] = a[i] op b[i]} for {@code from <= i < to}; {@code out} may be {@code a} or {@code b}. */
    public static void binary(BinaryOp op, float[] a, float[] b, float[] out, int from, int to) {
        int bound = from + S.loopBound(to - from);
        switch (op) {
            case ADD:
                for (int i = from; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case SUB:
                for (int i = from; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case MUL:
                for (int i = from; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).mul(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case DIV:
                for (int i = from; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).div(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        FloatArrayKernels.binary(op, a, b, out, bound, to);
    }

    /** {@code out[i] = a[i] op s} for {@code i < n}; {@code out} may be {@code a}. */
    public static void scalar(ScalarOp op, float[] a, float s, float[] out, int n) {
        int bound = S.loopBound(n);
        FloatVector vs = FloatVector.broadcast(S, s);
        switch (op) {
            case ADD:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).add(vs).intoArray(out, i);
                }
                break;
            case SUB:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).sub(vs).intoArray(out, i);
                }
                break;
            case REVERSE_SUB:
                for (int i = 0; i < bound; i += L) {
                    vs.sub(FloatVector.fromArray(S, a, i)).intoArray(out, i);
                }
                break;
            case MUL:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).mul(vs).intoArray(out, i);
                }
                break;
            case DIV:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).div(vs).intoArray(out, i);
                }
                break;
            case MAX: // lane-wise max follows Math.max, NaN included
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).max(vs).intoArray(out, i);
                }
                break;
            case MIN:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).min(vs).intoArray(out, i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        FloatArrayKernels.scalar(op, a, s, out, bound, n);
    }

    /** {@code out[i] = f(a[i])} for {@code i < n}, exp on the {@code functions}' threads; {@code out} may be {@code a}. */
    public static void unary(UnaryOp f, float[] a, float[] out, int n, ParallelKernels parallel) {
        if (n < VectorFunctions.MIN_LENGTH && f == UnaryOp.EXP) {
            FloatArrayKernels.unary(f, a, out, 0, n); // tiny tensors: see VectorFunctions.MIN_LENGTH
            return;
        }
        int bound = S.loopBound(n);
        switch (f) {
            case NEGATE:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).neg().intoArray(out, i);
                }
                break;
            case ABS:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).abs().intoArray(out, i);
                }
                break;
            case SQUARE:
                for (int i = 0; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, a, i);
                    v.mul(v).intoArray(out, i);
                }
                break;
            case SQRT:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).sqrt().intoArray(out, i);
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
        FloatArrayKernels.unary(f, a, out, bound, n);
    }

    /** {@code y[i] = f(x[i])} for {@code i < n}, sigmoid and tanh on the {@code functions}' threads. */
    public static void activation(Activation f, float[] x, float[] y, int n, ParallelKernels parallel) {
        if (n < VectorFunctions.MIN_LENGTH && (f == Activation.SIGMOID || f == Activation.TANH)) {
            FloatArrayKernels.activation(f, x, y, 0, n); // tiny tensors: see VectorFunctions.MIN_LENGTH
            return;
        }
        int bound = S.loopBound(n);
        FloatVector zero = FloatVector.zero(S);
        switch (f) {
            case IDENTITY:
                bound = 0; // a plain copy
                break;
            case RELU: // x > 0 ? x : 0, so NaN and -0 give +0 as in the reference
                for (int i = 0; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, i);
                    zero.blend(v, v.compare(VectorOperators.GT, 0.0f)).intoArray(y, i);
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
        FloatArrayKernels.activation(f, x, y, bound, n);
    }

    /** {@code dx[i] = f'(x[i]) dy[i]} for {@code i < n}, from {@code x} (ReLU) or {@code y} (sigmoid, tanh). */
    public static void activationBackward(Activation f, float[] x, float[] y, float[] dy, float[] dx, int n) {
        activationBackward(f, x, y, dy, dx, 0, n);
    }

    /** {@code dx[i] = f'(x[i]) dy[i]} for {@code from <= i < to}, from {@code x} (ReLU) or {@code y}. */
    public static void activationBackward(Activation f, float[] x, float[] y, float[] dy, float[] dx, int from,
                                          int to) {
        int bound = from + S.loopBound(to - from);
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1.0f);
        switch (f) {
            case IDENTITY:
                bound = from; // a plain copy
                break;
            case RELU:
                for (int i = from; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, i);
                    zero.blend(FloatVector.fromArray(S, dy, i), v.compare(VectorOperators.GT, 0.0f)).intoArray(dx, i);
                }
                break;
            case SIGMOID:
                for (int i = from; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, y, i);
                    v.mul(one.sub(v)).mul(FloatVector.fromArray(S, dy, i)).intoArray(dx, i);
                }
                break;
            case TANH:
                for (int i = from; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, y, i);
                    one.sub(v.mul(v)).mul(FloatVector.fromArray(S, dy, i)).intoArray(dx, i);
                }
                break;
            default:
                throw new AssertionError(f);
        }
        FloatArrayKernels.activationBackward(f, x, y, dy, dx, bound, to);
    }

    /** {@code out[i, j] = a[i, j] + row[j]} for an {@code [rows, cols]} matrix. */
    public static void addRowVector(float[] a, float[] row, float[] out, int rows, int cols) {
        addRowVector(a, row, out, 0, rows, cols);
    }

    /** {@code out[i, j] = a[i, j] + row[j]} for the rows {@code rowFrom <= i < rowTo}, {@code cols} columns. */
    public static void addRowVector(float[] a, float[] row, float[] out, int rowFrom, int rowTo, int cols) {
        int bound = S.loopBound(cols);
        for (int r = rowFrom; r < rowTo; r++) {
            int base = r * cols;
            for (int j = 0; j < bound; j += L) {
                FloatVector.fromArray(S, a, base + j).add(FloatVector.fromArray(S, row, j)).intoArray(out, base + j);
            }
            for (int j = bound; j < cols; j++) {
                out[base + j] = a[base + j] + row[j];
            }
        }
    }

    /** {@code y[i] += alpha x[i]} for {@code i < n}. */
    public static void axpy(float alpha, float[] x, float[] y, int n) {
        axpy(alpha, x, y, 0, n);
    }

    /** {@code y[i] += alpha x[i]} for {@code from <= i < to}. */
    public static void axpy(float alpha, float[] x, float[] y, int from, int to) {
        int bound = from + S.loopBound(to - from);
        for (int i = from; i < bound; i += L) {
            // multiply, then add: rounds exactly like the scalar tail
            FloatVector.fromArray(S, x, i).mul(alpha).add(FloatVector.fromArray(S, y, i)).intoArray(y, i);
        }
        FloatArrayKernels.axpy(alpha, x, y, bound, to);
    }

    /**
     * The reduction of {@code a[0 .. n-1]}: sums from {@link VectorFloatSums}; max and min by the scalar kernels
     * (NaN-propagating). Max and min are called a few times per epoch (training's weight check), too rarely for the
     * JIT to compile a vector loop, and an uncompiled vector loop allocates every vector it touches; a scalar loop
     * allocates nothing at any compilation tier and costs well under a millisecond per epoch.
     */
    public static double reduce(Reduction r, float[] a, int n) { // same in FLOAT32
        switch (r) {
            case SUM:
                return VectorFloatSums.sum(a, 0, n);
            case SUM_OF_SQUARES:
                return VectorFloatSums.sumOfSquares(a, n);
            case MAX:
            case MIN:
                return FloatArrayKernels.reduce(r, a, n);
            default:
                throw new AssertionError(r);
        }
    }
}
