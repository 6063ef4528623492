package io.github.nn4j.api.tensor;

/** Element-wise binary operations on two tensors of one shape: {@code out[i] = a[i] op b[i]}. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV;

    /** The reference definition, used by tests and by backends that compute in Java. */
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
