package io.github.nn4j.backend.pure.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FLOAT64 sums on the Vector API: two vector accumulators whose lanes are added in a fixed order at the end, so
 * the sums are deterministic. {@link VectorFloatSums} is the FLOAT32 counterpart, which widens to double.
 */
public final class VectorDoubleSums {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorDoubleSums() {
    }

    /** The sum of {@code a[from .. from+n-1]}, in a fixed order. */
    public static double sum(double[] a, int from, int n) {
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
        // (a vector handed to a method that is not inlined is boxed; why not intoArray: see docs/jit-notes.md).
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

    /** The sum of the squares of {@code a[0 .. n-1]}, in a fixed order. */
    public static double sumOfSquares(double[] a, int n) {
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
        // (a vector handed to a method that is not inlined is boxed; why not intoArray: see docs/jit-notes.md).
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

    /** {@code out[j] = sum_i a[i, j]}: the column sums of an {@code [rows, cols]} matrix, each in row order. */
    public static void sumColumns(double[] a, int rows, int cols, double[] out) {
        sumColumns(a, rows, cols, out, 0, cols);
    }

    /**
     * The column sums of the columns {@code from <= j < to} only (into {@code out[from .. to-1]}): each column's sum is
     * the same whatever range it is summed in.
     */
    public static void sumColumns(double[] a, int rows, int cols, double[] out, int from, int to) {
        // Every column is summed over the rows in order, in out itself: each row is added to it vector by
        // vector, the remaining columns one by one. No vector is carried from one row to the next
        // (docs/jit-notes.md, section 2).
        int bound = from + S.loopBound(to - from);
        java.util.Arrays.fill(out, from, to, 0.0);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = from; j < bound; j += L) {
                DoubleVector.fromArray(S, out, j).add(DoubleVector.fromArray(S, a, base + j)).intoArray(out, j);
            }
            for (int j = bound; j < to; j++) {
                out[j] += a[base + j];
            }
        }
    }

    /** {@code out[i] = sum_j a[i, j]}: the row sums of an {@code [rows, cols]} matrix. */
    public static void sumRows(double[] a, int rows, int cols, double[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = sum(a, r * cols, cols);
        }
    }
}
