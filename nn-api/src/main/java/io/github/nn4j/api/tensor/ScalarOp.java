package io.github.nn4j.api.tensor;

/** Element-wise operations between a tensor and a scalar {@code s}: {@code out[i] = a[i] op s}. */
public enum ScalarOp {
    /** {@code a + s} */
    ADD,
    /** {@code a - s} */
    SUB,
    /** {@code s - a} */
    REVERSE_SUB,
    /** {@code a * s} */
    MUL,
    /** {@code a / s} */
    DIV,
    /** {@code max(a, s)} */
    MAX,
    /** {@code min(a, s)} */
    MIN;

    /**
     * The reference definition, used by tests and by backends that compute in Java.
     *
     * @param a the tensor element
     * @param s the scalar
     * @return {@code a op s}
     */
    public double apply(double a, double s) {
        switch (this) {
            case ADD: return a + s;
            case SUB: return a - s;
            case REVERSE_SUB: return s - a;
            case MUL: return a * s;
            case DIV: return a / s;
            case MAX: return Math.max(a, s);
            case MIN: return Math.min(a, s);
            default: throw new AssertionError(this);
        }
    }
}
