package io.github.nn4j.api.tensor;

/** Element-wise binary operations on two tensors of one shape: {@code out[i] = a[i] op b[i]}. */
public enum BinaryOp {
    /** {@code a + b} */
    ADD,
    /** {@code a - b} */
    SUB,
    /** {@code a * b} */
    MUL,
    /** {@code a / b} */
    DIV;

    /**
     * The reference definition, used by tests and by backends that compute in Java.
     *
     * @param a the left operand
     * @param b the right operand
     * @return {@code a op b}
     */
    public double apply(double a, double b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            default: throw new AssertionError(this);
        }
    }
}
