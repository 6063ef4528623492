package io.github.nn4j.backend.pure;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FLOAT64 kernels on the Vector API: each loop runs whole vectors of the preferred species and
 * leaves the last few elements to the scalar code of {@link ScalarDoubleKernels}. exp, tanh and sigmoid
 * come from {@link VectorFunctions}, which give the same bits compiled or interpreted (the Vector API's
 * own transcendental operators do not), on all threads for large arrays ({@link ParallelFunctions}); log
 * stays scalar for the same reason. Sums add the lanes in a
 * fixed order at the end, so they are deterministic.
 *
 * <p>Loaded only when the module {@code jdk.incubator.vector} is present (see {@link KernelSelection}).
 */
final class VectorDoubleKernels extends ScalarDoubleKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();


    private final ParallelFunctions functions;

    VectorDoubleKernels(DoubleGemm gemm, ParallelFunctions functions) {
        super(gemm);
        this.functions = functions;
    }

    @Override
    public void binary(BinaryOp op, double[] a, double[] b, double[] out, int n) {
        int bound = S.loopBound(n);
        switch (op) {
            case ADD:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).add(DoubleVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case SUB:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).sub(DoubleVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case MUL:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).mul(DoubleVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case DIV:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector.fromArray(S, a, i).div(DoubleVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        binaryRange(op, a, b, out, bound, n);
    }

    @Override
    public void scalar(ScalarOp op, double[] a, double s, double[] out, int n) {
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
        scalarRange(op, a, s, out, bound, n);
    }

    @Override
    public void unary(UnaryOp f, double[] a, double[] out, int n) {
        if (n < VectorFunctions.MIN_LENGTH && f == UnaryOp.EXP) {
            super.unary(f, a, out, n); // tiny tensors: see VectorFunctions.MIN_LENGTH
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
                functions.apply(ParallelFunctions.Function.EXP, a, out, n);
                return;
            case LOG: // no exact-arithmetic vector log here: the scalar loop keeps results reproducible
                bound = 0;
                break;
            default:
                throw new AssertionError(f);
        }
        unaryRange(f, a, out, bound, n);
    }

    @Override
    public void activation(Activation f, double[] x, double[] y, int n) {
        if (n < VectorFunctions.MIN_LENGTH && (f == Activation.SIGMOID || f == Activation.TANH)) {
            super.activation(f, x, y, n); // tiny tensors: see VectorFunctions.MIN_LENGTH
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
                functions.apply(ParallelFunctions.Function.SIGMOID, x, y, n);
                return;
            case TANH:
                functions.apply(ParallelFunctions.Function.TANH, x, y, n);
                return;
            default:
                throw new AssertionError(f);
        }
        activationRange(f, x, y, bound, n);
    }

    @Override
    public void activationBackward(Activation f, double[] x, double[] y, double[] dy, double[] dx, int n) {
        int bound = S.loopBound(n);
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        switch (f) {
            case IDENTITY:
                bound = 0; // a plain copy
                break;
            case RELU:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, x, i);
                    zero.blend(DoubleVector.fromArray(S, dy, i), v.compare(VectorOperators.GT, 0.0)).intoArray(dx, i);
                }
                break;
            case SIGMOID:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, y, i);
                    v.mul(one.sub(v)).mul(DoubleVector.fromArray(S, dy, i)).intoArray(dx, i);
                }
                break;
            case TANH:
                for (int i = 0; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, y, i);
                    one.sub(v.mul(v)).mul(DoubleVector.fromArray(S, dy, i)).intoArray(dx, i);
                }
                break;
            default:
                throw new AssertionError(f);
        }
        activationBackwardRange(f, x, y, dy, dx, bound, n);
    }

    @Override
    public void addRowVector(double[] a, double[] row, double[] out, int rows, int cols) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < bound; j += L) {
                DoubleVector.fromArray(S, a, base + j).add(DoubleVector.fromArray(S, row, j)).intoArray(out, base + j);
            }
            for (int j = bound; j < cols; j++) {
                out[base + j] = a[base + j] + row[j];
            }
        }
    }

    @Override
    public void axpy(double alpha, double[] x, double[] y, int n) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            // multiply, then add: rounds exactly like the scalar tail
            DoubleVector.fromArray(S, x, i).mul(alpha).add(DoubleVector.fromArray(S, y, i)).intoArray(y, i);
        }
        axpyRange(alpha, x, y, bound, n);
    }

    @Override
    public double reduce(Reduction r, double[] a, int n) {
        switch (r) {
            case SUM:
                return vectorSum(a, 0, n);
            case SUM_OF_SQUARES:
                return sumOfSquares(a, n);
            case MAX: {
                int bound = S.loopBound(n);
                double m = a[0];
                if (bound > 0) {
                    DoubleVector acc = DoubleVector.fromArray(S, a, 0);
                    for (int i = L; i < bound; i += L) {
                        acc = acc.max(DoubleVector.fromArray(S, a, i));
                    }
                    m = acc.reduceLanes(VectorOperators.MAX); // max is order-independent, NaN-propagating
                }
                for (int i = bound; i < n; i++) {
                    m = Math.max(m, a[i]);
                }
                return m;
            }
            case MIN: {
                int bound = S.loopBound(n);
                double m = a[0];
                if (bound > 0) {
                    DoubleVector acc = DoubleVector.fromArray(S, a, 0);
                    for (int i = L; i < bound; i += L) {
                        acc = acc.min(DoubleVector.fromArray(S, a, i));
                    }
                    m = acc.reduceLanes(VectorOperators.MIN);
                }
                for (int i = bound; i < n; i++) {
                    m = Math.min(m, a[i]);
                }
                return m;
            }
            default:
                throw new AssertionError(r);
        }
    }

    /** The sum of {@code a[from .. from+n-1]}, in a fixed order. */
    private static double vectorSum(double[] a, int from, int n) {
        int end = from + n;
        int bound = from + 2 * L * (n / (2 * L));
        DoubleVector acc0 = DoubleVector.zero(S);
        DoubleVector acc1 = DoubleVector.zero(S);
        int i = from;
        for (; i < bound; i += 2 * L) {
            acc0 = acc0.add(DoubleVector.fromArray(S, a, i));
            acc1 = acc1.add(DoubleVector.fromArray(S, a, i + L));
        }
        // Lanes added first to last (reduceLanes leaves the order unspecified), read one by one in this method
        // (a vector handed to a method that is not inlined is boxed; why not intoArray: see VectorFloatKernels).
        DoubleVector total = acc0.add(acc1);
        double s = 0;
        for (int j = 0; j < L; j++) {
            s += total.lane(j);
        }
        for (; i < end; i++) {
            s += a[i];
        }
        return s;
    }

    private static double sumOfSquares(double[] a, int n) {
        int bound = 2 * L * (n / (2 * L));
        DoubleVector acc0 = DoubleVector.zero(S);
        DoubleVector acc1 = DoubleVector.zero(S);
        int i = 0;
        for (; i < bound; i += 2 * L) {
            DoubleVector v0 = DoubleVector.fromArray(S, a, i);
            DoubleVector v1 = DoubleVector.fromArray(S, a, i + L);
            acc0 = v0.fma(v0, acc0);
            acc1 = v1.fma(v1, acc1);
        }
        // Lanes added first to last (reduceLanes leaves the order unspecified), read one by one in this method
        // (a vector handed to a method that is not inlined is boxed; why not intoArray: see VectorFloatKernels).
        DoubleVector total = acc0.add(acc1);
        double s = 0;
        for (int j = 0; j < L; j++) {
            s += total.lane(j);
        }
        for (; i < n; i++) {
            double v = a[i];
            s += v * v;
        }
        return s;
    }


    @Override
    public void sumColumns(double[] a, int rows, int cols, double[] out) {
        // Every column is summed over the rows in order, in out itself: each row is added to it vector by
        // vector, the remaining columns one by one. No vector is carried from one row to the next: such
        // loop-carried accumulators in a nested loop were seen to be boxed, allocating on every call.
        int bound = S.loopBound(cols);
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < bound; j += L) {
                DoubleVector.fromArray(S, out, j).add(DoubleVector.fromArray(S, a, base + j)).intoArray(out, j);
            }
            for (int j = bound; j < cols; j++) {
                out[j] += a[base + j];
            }
        }
    }

    @Override
    public void sumRows(double[] a, int rows, int cols, double[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = vectorSum(a, r * cols, cols);
        }
    }
}
