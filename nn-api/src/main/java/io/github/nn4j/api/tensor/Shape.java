package io.github.nn4j.api.tensor;

import java.util.Arrays;

/**
 * The immutable shape of a {@link Tensor}: a list of positive dimensions, row-major in meaning
 * (the last dimension varies fastest in {@link Tensor#toFloatArray()}).
 *
 * <p>Rank 1 and 2 are what the standard layers use; higher ranks are representable and element-wise
 * operations accept them. The total number of elements must fit in an {@code int}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Shape {
    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("a shape needs at least one dimension");
        }
        long n = 1;
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has a dimension <= 0");
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims)
                        + " has more than " + Integer.MAX_VALUE + " elements");
            }
        }
        this.dims = dims;
        this.size = (int) n;
    }

    /**
     * {@return a shape with the given dimensions (copied); each must be positive}
     *
     * @param dims the dimensions, each at least 1; copied
     */
    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    /**
     * {@return the rank-2 shape {@code [rows, cols]}}
     *
     * @param rows the number of rows
     * @param cols the number of columns
     */
    public static Shape matrix(int rows, int cols) {
        return new Shape(new int[] {rows, cols});
    }

    /** {@return the number of dimensions} */
    public int rank() {
        return dims.length;
    }

    /**
     * {@return dimension {@code i}, counting from 0}
     *
     * @param i the dimension, from 0 to {@code rank() - 1}
     */
    public int dim(int i) {
        return dims[i];
    }

    /** {@return a copy of the dimensions} */
    public int[] dims() {
        return dims.clone();
    }

    /** {@return the total number of elements} */
    public int size() {
        return size;
    }

    /** {@return the number of rows of a rank-2 shape (throws for any other rank)} */
    public int rows() {
        requireMatrix();
        return dims[0];
    }

    /** {@return the number of columns of a rank-2 shape (throws for any other rank)} */
    public int cols() {
        requireMatrix();
        return dims[1];
    }

    /** {@return whether this is a rank-2 shape} */
    public boolean isMatrix() {
        return dims.length == 2;
    }

    /**
     * {@return this shape with the first dimension replaced, e.g. a mini-batch of {@code rows} samples}
     *
     * @param first the new first dimension
     */
    public Shape withFirstDim(int first) {
        int[] d = dims.clone();
        d[0] = first;
        return new Shape(d);
    }

    /**
     * {@return whether this shape equals {@code template} with its first dimension replaced by {@code firstDim} (same
     * as {@code equals(template.withFirstDim(firstDim))}, without allocating)}
     *
     * @param template the shape to compare with
     * @param firstDim the first dimension to take instead of {@code template}'s
     */
    public boolean equalsWithFirstDim(Shape template, int firstDim) {
        if (template.dims.length != dims.length || dims[0] != firstDim) {
            return false;
        }
        for (int i = 1; i < dims.length; i++) {
            if (dims[i] != template.dims[i]) {
                return false;
            }
        }
        return true;
    }

    private void requireMatrix() {
        if (dims.length != 2) {
            throw new IllegalStateException("shape " + this + " is not a matrix (rank " + dims.length + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Formats as {@code [d0, d1, ...]}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
