package io.github.nn4j.api.tensor;

import io.github.nn4j.api.backend.Backend;

/**
 * An n-dimensional array of numbers, owned by one {@link Backend}, with an immutable {@link Shape}
 * and {@link DType}.
 *
 * <h2>Layout</h2>
 * The logical order of elements is row-major: {@link #toFloatArray()} returns element {@code (i, j)} of
 * an {@code [r, c]} tensor at index {@code i * c + j}, and the array factories read that order. How a
 * backend stores the elements (on-heap, off-heap, column-major) is its own business.
 *
 * <h2>Operations</h2>
 * The methods here are conveniences that allocate their result (owned by the caller). For loops that
 * must not allocate, the {@link Backend} offers every operation in a form that writes into an existing
 * output tensor, and the in-place methods here ({@code addi}, {@code axpyi}, ...) modify this tensor.
 * Every operation checks its arguments first and throws {@link IllegalArgumentException} naming the
 * operation and the shapes when they do not fit, when two tensors belong to different backends, or
 * when the dtypes differ; and {@link IllegalStateException} when a tensor has been closed.
 *
 * <h2>Ownership and memory</h2>
 * Whoever creates a tensor owns it and should {@link #close()} it when done: an off-heap backend frees
 * its memory there, deterministically. Using a tensor after {@code close()} throws. Closing twice is
 * allowed. Tensors handed out by a layer, loss or network as "owned by" that object must not be closed
 * by the caller.
 *
 * <h2>Thread-safety</h2>
 * A tensor may be read by several threads at once, but must not be written while another thread reads
 * or writes it. Implementations come from backends; user code never implements this interface.
 */
public interface Tensor extends AutoCloseable {

    /** {@return the backend that owns this tensor and runs its operations} */
    Backend backend();

    /** {@return the shape; never changes} */
    Shape shape();

    /** {@return the element type; never changes} */
    DType dtype();

    /** {@return whether {@link #close()} has been called} */
    boolean isClosed();

    /** Releases the tensor's memory (immediately on off-heap backends). Idempotent. */
    @Override
    void close();

    // ----------------------------------------------------------------------------------- shape helpers

    /** {@return the number of dimensions} */
    default int rank() {
        return shape().rank();
    }

    /** {@return the total number of elements} */
    default int size() {
        return shape().size();
    }

    /** {@return the number of rows of a rank-2 tensor} */
    default int rows() {
        return shape().rows();
    }

    /** {@return the number of columns of a rank-2 tensor} */
    default int cols() {
        return shape().cols();
    }

    // ------------------------------------------------------------------------------------ data transfer

    /** {@return all elements in row-major order, as floats (FLOAT64 values are rounded)} */
    default float[] toFloatArray() {
        float[] out = new float[size()];
        backend().read(this, out);
        return out;
    }

    /** {@return all elements in row-major order, as doubles} */
    default double[] toDoubleArray() {
        double[] out = new double[size()];
        backend().read(this, out);
        return out;
    }

    /**
     * Overwrites all elements from {@code data} in row-major order; returns this tensor.
     *
     * @param data the new values, row-major, exactly {@link #size()} of them
     * @return this tensor
     */
    default Tensor copyFrom(float[] data) {
        backend().write(this, data);
        return this;
    }

    /**
     * Overwrites all elements from {@code data} in row-major order; returns this tensor.
     *
     * @param data the new values, row-major, exactly {@link #size()} of them
     * @return this tensor
     */
    default Tensor copyFrom(double[] data) {
        backend().write(this, data);
        return this;
    }

    /** {@return the single value of a one-element tensor} */
    default double item() {
        if (size() != 1) {
            throw new IllegalStateException("item() needs a one-element tensor, shape is " + shape());
        }
        return toDoubleArray()[0];
    }

    /** {@return a new tensor with the same backend, dtype, shape and values} */
    default Tensor copy() {
        Tensor out = backend().zeros(dtype(), shape());
        backend().copy(this, out);
        return out;
    }

    // --------------------------------------------------------------------------------- linear algebra

    /**
     * {@return {@code this · other} for rank-2 tensors {@code [m, k] · [k, n] -> [m, n]}}
     *
     * @param other the right operand, of the same dtype and backend
     */
    default Tensor matmul(Tensor other) {
        return matmul(other, false, false);
    }

    /**
     * {@return {@code op(this) · op(other)}, where {@code op} transposes when its flag is set; no transposed copy is
     * made}
     *
     * @param other the right operand, of the same dtype and backend
     * @param transposeThis whether {@code op(this)} is the transpose of this tensor
     * @param transposeOther whether {@code op(other)} is the transpose of {@code other}
     */
    default Tensor matmul(Tensor other, boolean transposeThis, boolean transposeOther) {
        Shape outShape = Backend.productShape("matmul", this, transposeThis, other, transposeOther);
        Tensor out = backend().zeros(dtype(), outShape);
        backend().gemm(1.0, this, transposeThis, other, transposeOther, 0.0, out);
        return out;
    }

    /** {@return the transpose of a rank-2 tensor, as a new tensor} */
    default Tensor transpose() {
        Tensor out = backend().zeros(dtype(), Shape.matrix(cols(), rows()));
        backend().transpose(this, out);
        return out;
    }

    // ---------------------------------------------------------------------------------- element-wise

    /**
     * {@return the element-wise {@code this + other} (same shape)}
     *
     * @param other the other operand, of the same shape, dtype and backend
     */
    default Tensor add(Tensor other) {
        return binary(BinaryOp.ADD, other);
    }

    /**
     * {@return the element-wise {@code this - other} (same shape)}
     *
     * @param other the other operand, of the same shape, dtype and backend
     */
    default Tensor sub(Tensor other) {
        return binary(BinaryOp.SUB, other);
    }

    /**
     * {@return the element-wise {@code this * other} (same shape)}
     *
     * @param other the other operand, of the same shape, dtype and backend
     */
    default Tensor mul(Tensor other) {
        return binary(BinaryOp.MUL, other);
    }

    /**
     * {@return the element-wise {@code this / other} (same shape)}
     *
     * @param other the other operand, of the same shape, dtype and backend
     */
    default Tensor div(Tensor other) {
        return binary(BinaryOp.DIV, other);
    }

    /**
     * {@return the element-wise {@code this op other} into a new tensor}
     *
     * @param op the operation
     * @param other the other operand, of the same shape, dtype and backend
     */
    default Tensor binary(BinaryOp op, Tensor other) {
        Tensor out = backend().zeros(dtype(), shape());
        backend().binary(op, this, other, out);
        return out;
    }

    /**
     * {@return {@code this + s} element-wise}
     *
     * @param s the scalar operand
     */
    default Tensor add(double s) {
        return scalar(ScalarOp.ADD, s);
    }

    /**
     * {@return {@code this * s} element-wise}
     *
     * @param s the scalar operand
     */
    default Tensor mul(double s) {
        return scalar(ScalarOp.MUL, s);
    }

    /**
     * {@return {@code this op s} element-wise into a new tensor}
     *
     * @param op the operation
     * @param s the scalar operand
     */
    default Tensor scalar(ScalarOp op, double s) {
        Tensor out = backend().zeros(dtype(), shape());
        backend().scalar(op, this, s, out);
        return out;
    }

    /**
     * {@return {@code f(this)} element-wise into a new tensor}
     *
     * @param f the function
     */
    default Tensor map(UnaryOp f) {
        Tensor out = backend().zeros(dtype(), shape());
        backend().unary(f, this, out);
        return out;
    }

    /**
     * {@return the activation {@code f(this)} element-wise into a new tensor}
     *
     * @param f the activation
     */
    default Tensor apply(Activation f) {
        Tensor out = backend().zeros(dtype(), shape());
        backend().activation(f, this, out);
        return out;
    }

    /**
     * {@return the row-vector broadcast: adds {@code row} (shape {@code [1, cols]} or {@code [cols]}) to every row of
     * this rank-2 tensor, into a new tensor}
     *
     * @param row the row {@code [1, cols]} or {@code [cols]}
     */
    default Tensor addRowVector(Tensor row) {
        Tensor out = backend().zeros(dtype(), shape());
        backend().addRowVector(this, row, out);
        return out;
    }

    // ---------------------------------------------------------------------------------- in place

    /**
     * {@code this += other}; returns this.
     *
     * @param other the other operand, of the same shape, dtype and backend
     * @return this tensor
     */
    default Tensor addi(Tensor other) {
        backend().binary(BinaryOp.ADD, this, other, this);
        return this;
    }

    /**
     * {@code this -= other}; returns this.
     *
     * @param other the other operand, of the same shape, dtype and backend
     * @return this tensor
     */
    default Tensor subi(Tensor other) {
        backend().binary(BinaryOp.SUB, this, other, this);
        return this;
    }

    /**
     * {@code this *= other} element-wise; returns this.
     *
     * @param other the other operand, of the same shape, dtype and backend
     * @return this tensor
     */
    default Tensor muli(Tensor other) {
        backend().binary(BinaryOp.MUL, this, other, this);
        return this;
    }

    /**
     * {@code this *= s}; returns this.
     *
     * @param s the scalar operand
     * @return this tensor
     */
    default Tensor muli(double s) {
        backend().scalar(ScalarOp.MUL, this, s, this);
        return this;
    }

    /**
     * {@code this += s}; returns this.
     *
     * @param s the scalar operand
     * @return this tensor
     */
    default Tensor addi(double s) {
        backend().scalar(ScalarOp.ADD, this, s, this);
        return this;
    }

    /**
     * {@code this += alpha * x} (BLAS axpy); returns this.
     *
     * @param alpha the factor of {@code x}
     * @param x the tensor to add, of the same shape
     * @return this tensor
     */
    default Tensor axpyi(double alpha, Tensor x) {
        backend().axpy(alpha, x, this);
        return this;
    }

    /**
     * Sets every element to {@code value}; returns this.
     *
     * @param value the value of every element
     * @return this tensor
     */
    default Tensor fill(double value) {
        backend().fill(this, value);
        return this;
    }

    // ---------------------------------------------------------------------------------- reductions

    /** {@return the sum of all elements} */
    default double sum() {
        return backend().reduce(Reduction.SUM, this);
    }

    /** {@return the mean of all elements} */
    default double mean() {
        return sum() / size();
    }

    /** {@return the sum of squares of all elements} */
    default double sumOfSquares() {
        return backend().reduce(Reduction.SUM_OF_SQUARES, this);
    }

    /** {@return the largest element} */
    default double max() {
        return backend().reduce(Reduction.MAX, this);
    }

    /** {@return the smallest element} */
    default double min() {
        return backend().reduce(Reduction.MIN, this);
    }

    /**
     * {@return the sum of a rank-2 tensor along {@code axis}, keeping the dimension: axis 0 gives {@code [1, cols]}
     * (column sums), axis 1 gives {@code [rows, 1]} (row sums)}
     *
     * @param axis 0 for the sums of the columns, 1 for those of the rows
     */
    default Tensor sum(int axis) {
        Shape s = axis == 0 ? Shape.matrix(1, cols()) : Shape.matrix(rows(), 1);
        Tensor out = backend().zeros(dtype(), s);
        backend().sumAlong(axis, this, out);
        return out;
    }

    /**
     * {@return the mean along {@code axis}, keeping the dimension (see {@link #sum(int)})}
     *
     * @param axis 0 for the means of the columns, 1 for those of the rows
     */
    default Tensor mean(int axis) {
        Tensor out = sum(axis);
        backend().scalar(ScalarOp.DIV, out, axis == 0 ? rows() : cols(), out);
        return out;
    }

    // ---------------------------------------------------------------------------------- rows

    /**
     * {@return the number of rows of a rank-2 tensor}
     *
     * @param from the first row
     * @param count the number of rows
     */
    default Tensor rows(int from, int count) {
        Tensor out = backend().zeros(dtype(), shape().withFirstDim(count));
        backend().copyRows(this, from, out, 0, count);
        return out;
    }

    /**
     * {@return the rows listed in {@code indices}, in that order, as a new tensor}
     *
     * @param indices the rows to take, each in {@code [0, rows())}, repeats allowed
     */
    default Tensor gatherRows(int[] indices) {
        Tensor out = backend().zeros(dtype(), shape().withFirstDim(indices.length));
        backend().gatherRows(this, indices, 0, indices.length, out);
        return out;
    }
}
