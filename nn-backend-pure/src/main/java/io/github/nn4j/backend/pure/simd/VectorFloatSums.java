package io.github.nn4j.backend.pure.simd;

import io.github.nn4j.backend.pure.threads.ScratchPadding;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FLOAT32 sums on the Vector API, accumulated in double precision as the backend contract requires: each float
 * vector is widened to double vectors and the lanes are added in a fixed order, so the sums are as precise as the
 * scalar path's and deterministic. Written apart from {@link VectorDoubleSums}, which needs no widening.
 */
public final class VectorFloatSums {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int DL = D.length();

    /** Per thread, in a holder so that it can grow: the column sums of {@link #sumColumns}. */
    private static final ThreadLocal<double[][]> COLUMN_SUMS = ThreadLocal.withInitial(() -> new double[][] {new double[0]});

    private VectorFloatSums() {
    }

    /** The sum of {@code a[from .. from+n-1]} in double precision, in a fixed order. */
    public static double sum(float[] a, int from, int n) {
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
        // (a vector handed to a method that is not inlined is boxed; why not intoArray: see docs/jit-notes.md).
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

    /** The sum of the squares of {@code a[0 .. n-1]}, in a fixed order. */
    public static double sumOfSquares(float[] a, int n) {
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
        // (a vector handed to a method that is not inlined is boxed; why not intoArray: see docs/jit-notes.md).
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

    /** {@code out[j] = sum_i a[i, j]}: the column sums of an {@code [rows, cols]} matrix, each in row order. */
    public static void sumColumns(float[] a, int rows, int cols, float[] out) {
        sumColumns(a, rows, cols, out, 0, cols);
    }

    /**
     * The column sums of the columns {@code from <= j < to} only (into {@code out[from .. to-1]}): each column's sum is
     * the same whatever range it is summed in.
     */
    public static void sumColumns(float[] a, int rows, int cols, float[] out, int from, int to) {
        // Every column is summed over the rows in order, in double precision, in a per-thread row of sums:
        // each row is widened two double vectors at a time (loads kept inside the range) and added to the sums
        // in memory, the remaining columns one by one. No vector is carried from one row to the next
        // (docs/jit-notes.md, section 2).
        int width = to - from;
        double[] sums = columnSums(width);
        int s0 = ScratchPadding.ELEMENTS;
        int bound = 0;
        while (bound + DL + L <= width) {
            bound += 2 * DL;
        }
        java.util.Arrays.fill(sums, s0, s0 + width, 0.0);
        for (int r = 0; r < rows; r++) {
            int base = r * cols + from;
            for (int j = 0; j < bound; j += 2 * DL) {
                int o = base + j;
                DoubleVector.fromArray(D, sums, s0 + j)
                        .add((DoubleVector) FloatVector.fromArray(S, a, o).convertShape(VectorOperators.F2D, D, 0))
                        .intoArray(sums, s0 + j);
                DoubleVector.fromArray(D, sums, s0 + j + DL)
                        .add((DoubleVector) FloatVector.fromArray(S, a, o + DL).convertShape(VectorOperators.F2D, D, 0))
                        .intoArray(sums, s0 + j + DL);
            }
            for (int j = bound; j < width; j++) {
                sums[s0 + j] += a[base + j];
            }
        }
        for (int j = 0; j < width; j++) {
            out[from + j] = (float) sums[s0 + j];
        }
    }

    /**
     * This thread's buffer of at least {@code cols} column sums from index {@link ScratchPadding#ELEMENTS} (grown,
     * never shrunk; written on every row, so padded).
     */
    private static double[] columnSums(int cols) {
        double[][] holder = COLUMN_SUMS.get();
        if (!ScratchPadding.holds(holder[0], cols)) {
            holder[0] = ScratchPadding.doubles(cols);
        }
        return holder[0];
    }

    /** {@code out[i] = sum_j a[i, j]}: the row sums of an {@code [rows, cols]} matrix. */
    public static void sumRows(float[] a, int rows, int cols, float[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = (float) sum(a, r * cols, cols);
        }
    }
}
