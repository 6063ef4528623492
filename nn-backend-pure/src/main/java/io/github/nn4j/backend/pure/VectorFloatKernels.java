package io.github.nn4j.backend.pure;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FLOAT32 kernels on the Vector API: each loop runs whole vectors of the preferred species and
 * leaves the last few elements to the scalar code of {@link ScalarFloatKernels}. exp, tanh and sigmoid
 * come from {@link VectorFunctions} (same bits compiled or interpreted, unlike the Vector API's own
 * transcendental operators), on all threads for large arrays ({@link ParallelFunctions}); log stays scalar
 * for the same reason. Sums widen the floats to double vectors and add the lanes in a fixed order, so
 * they are as precise as the scalar path's and deterministic.
 *
 * <p>The final lanes of a sum are read one by one with {@code lane(j)}, not stored with {@code intoArray}:
 * an accumulator that leaves its loop has, while C2 parses, only a profiled type, and when the profile's
 * guard at {@code intoArray}'s species lookup has trapped before anywhere in the JVM, C2 compiles that
 * lookup as a virtual call, the species stops being a constant and the store boxes the vector (seen: 96
 * bytes per sum, depending on JIT history). {@code lane(j)} is implemented in the concrete vector class, so
 * its intrinsic needs no such lookup.
 *
 * <p>Only the preferred float and double species are used, here and in every other SIMD class: a second
 * float species (say 256-bit next to 512-bit) makes the JIT's type profiles inside the shared Vector API
 * methods polymorphic, after which small vector methods inlined into large callers are no longer
 * intrinsified and box every vector (seen as megabytes of garbage per GEMM).
 *
 * <p>Loaded only when the module {@code jdk.incubator.vector} is present (see {@link KernelSelection}).
 */
final class VectorFloatKernels extends ScalarFloatKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int DL = D.length();

    /** Per thread, in a holder so that it can grow: the column sums of {@link #sumColumns}. */
    private static final ThreadLocal<double[][]> COLUMN_SUMS = ThreadLocal.withInitial(() -> new double[][] {new double[0]});

    private final ParallelFunctions functions;

    VectorFloatKernels(FloatGemm gemm, ParallelFunctions functions) {
        super(gemm);
        this.functions = functions;
    }

    @Override
    public void binary(BinaryOp op, float[] a, float[] b, float[] out, int n) {
        int bound = S.loopBound(n);
        switch (op) {
            case ADD:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case SUB:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case MUL:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).mul(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case DIV:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).div(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        binaryRange(op, a, b, out, bound, n);
    }

    @Override
    public void scalar(ScalarOp op, float[] a, float s, float[] out, int n) {
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
        scalarRange(op, a, s, out, bound, n);
    }

    @Override
    public void unary(UnaryOp f, float[] a, float[] out, int n) {
        if (n < VectorFunctions.MIN_LENGTH && f == UnaryOp.EXP) {
            super.unary(f, a, out, n); // tiny tensors: see VectorFunctions.MIN_LENGTH
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
    public void activation(Activation f, float[] x, float[] y, int n) {
        if (n < VectorFunctions.MIN_LENGTH && (f == Activation.SIGMOID || f == Activation.TANH)) {
            super.activation(f, x, y, n); // tiny tensors: see VectorFunctions.MIN_LENGTH
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
                    zero.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
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
    public void activationBackward(Activation f, float[] x, float[] y, float[] dy, float[] dx, int n) {
        int bound = S.loopBound(n);
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        switch (f) {
            case IDENTITY:
                bound = 0; // a plain copy
                break;
            case RELU:
                for (int i = 0; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, i);
                    zero.blend(FloatVector.fromArray(S, dy, i), v.compare(VectorOperators.GT, 0f)).intoArray(dx, i);
                }
                break;
            case SIGMOID:
                for (int i = 0; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, y, i);
                    v.mul(one.sub(v)).mul(FloatVector.fromArray(S, dy, i)).intoArray(dx, i);
                }
                break;
            case TANH:
                for (int i = 0; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, y, i);
                    one.sub(v.mul(v)).mul(FloatVector.fromArray(S, dy, i)).intoArray(dx, i);
                }
                break;
            default:
                throw new AssertionError(f);
        }
        activationBackwardRange(f, x, y, dy, dx, bound, n);
    }

    @Override
    public void addRowVector(float[] a, float[] row, float[] out, int rows, int cols) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < bound; j += L) {
                FloatVector.fromArray(S, a, base + j).add(FloatVector.fromArray(S, row, j)).intoArray(out, base + j);
            }
            for (int j = bound; j < cols; j++) {
                out[base + j] = a[base + j] + row[j];
            }
        }
    }

    @Override
    public void axpy(float alpha, float[] x, float[] y, int n) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            // multiply, then add: rounds exactly like the scalar tail
            FloatVector.fromArray(S, x, i).mul(alpha).add(FloatVector.fromArray(S, y, i)).intoArray(y, i);
        }
        axpyRange(alpha, x, y, bound, n);
    }

    @Override
    public double reduce(Reduction r, float[] a, int n) {
        switch (r) {
            case SUM:
                return vectorSum(a, 0, n);
            case SUM_OF_SQUARES:
                return sumOfSquares(a, n);
            case MAX: {
                int bound = S.loopBound(n);
                float m = a[0];
                if (bound > 0) {
                    FloatVector acc = FloatVector.fromArray(S, a, 0);
                    for (int i = L; i < bound; i += L) {
                        acc = acc.max(FloatVector.fromArray(S, a, i));
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
                float m = a[0];
                if (bound > 0) {
                    FloatVector acc = FloatVector.fromArray(S, a, 0);
                    for (int i = L; i < bound; i += L) {
                        acc = acc.min(FloatVector.fromArray(S, a, i));
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

    /** The sum of {@code a[from .. from+n-1]} in double precision, in a fixed order. */
    private static double vectorSum(float[] a, int from, int n) {
        int end = from + n;
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = DoubleVector.zero(D);
        int i = from;
        // Each float vector load is widened in its lower part only (the cheap conversion), so consecutive
        // loads overlap; a load must stay inside a[from .. end).
        for (; i + DL + L <= end; i += 2 * DL) {
            acc0 = acc0.add((DoubleVector) FloatVector.fromArray(S, a, i).convertShape(VectorOperators.F2D, D, 0));
            acc1 = acc1.add((DoubleVector) FloatVector.fromArray(S, a, i + DL)
                    .convertShape(VectorOperators.F2D, D, 0));
        }
        // Lanes added first to last (reduceLanes leaves the order unspecified), read one by one in this method
        // (a vector handed to a method that is not inlined is boxed; why not intoArray: see the class comment).
        DoubleVector total = acc0.add(acc1);
        double s = 0;
        for (int j = 0; j < DL; j++) {
            s += total.lane(j);
        }
        for (; i < end; i++) {
            s += a[i];
        }
        return s;
    }

    private static double sumOfSquares(float[] a, int n) {
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = DoubleVector.zero(D);
        int i = 0;
        for (; i + DL + L <= n; i += 2 * DL) {
            DoubleVector v0 = (DoubleVector) FloatVector.fromArray(S, a, i).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector v1 = (DoubleVector) FloatVector.fromArray(S, a, i + DL)
                    .convertShape(VectorOperators.F2D, D, 0);
            acc0 = v0.fma(v0, acc0);
            acc1 = v1.fma(v1, acc1);
        }
        // Lanes added first to last (reduceLanes leaves the order unspecified), read one by one in this method
        // (a vector handed to a method that is not inlined is boxed; why not intoArray: see the class comment).
        DoubleVector total = acc0.add(acc1);
        double s = 0;
        for (int j = 0; j < DL; j++) {
            s += total.lane(j);
        }
        for (; i < n; i++) {
            double v = a[i];
            s += v * v;
        }
        return s;
    }


    @Override
    public void sumColumns(float[] a, int rows, int cols, float[] out) {
        // Every column is summed over the rows in order, in double precision, in a per-thread row of sums:
        // each row is widened two double vectors at a time (loads kept inside the row) and added to the sums
        // in memory, the remaining columns one by one. No vector is carried from one row to the next: such
        // loop-carried accumulators in a nested loop were seen to be boxed, allocating on every call.
        double[] sums = columnSums(cols);
        int bound = 0;
        while (bound + DL + L <= cols) {
            bound += 2 * DL;
        }
        java.util.Arrays.fill(sums, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < bound; j += 2 * DL) {
                int o = base + j;
                DoubleVector.fromArray(D, sums, j)
                        .add((DoubleVector) FloatVector.fromArray(S, a, o).convertShape(VectorOperators.F2D, D, 0))
                        .intoArray(sums, j);
                DoubleVector.fromArray(D, sums, j + DL)
                        .add((DoubleVector) FloatVector.fromArray(S, a, o + DL).convertShape(VectorOperators.F2D, D, 0))
                        .intoArray(sums, j + DL);
            }
            for (int j = bound; j < cols; j++) {
                sums[j] += a[base + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            out[j] = (float) sums[j];
        }
    }

    /** This thread's buffer of at least {@code cols} column sums (grown, never shrunk). */
    private static double[] columnSums(int cols) {
        double[][] holder = COLUMN_SUMS.get();
        if (holder[0].length < cols) {
            holder[0] = new double[cols];
        }
        return holder[0];
    }

    @Override
    public void sumRows(float[] a, int rows, int cols, float[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = (float) vectorSum(a, r * cols, cols);
        }
    }
}
