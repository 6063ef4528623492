package io.github.nn4j.api.tensor;

/**
 * Element-wise mathematical functions {@code out[i] = f(a[i])} that are not activations
 * (activations, which also have derivatives, are {@link Activation}).
 */
public enum UnaryOp {
    /** {@code -x} */
    NEGATE,
    /** {@code |x|} */
    ABS,
    /** {@code x * x} */
    SQUARE,
    /** The square root; NaN for negative {@code x}. */
    SQRT,
    /** {@code e^x} */
    EXP,
    /** The natural logarithm; {@code -Infinity} at 0, NaN for negative {@code x}. */
    LOG;

    /**
     * The reference definition, used by tests and by backends that compute in Java.
     *
     * @param x the input
     * @return {@code f(x)}
     */
    public double apply(double x) {
        switch (this) {
            case NEGATE: return -x;
            case ABS: return Math.abs(x);
            case SQUARE: return x * x;
            case SQRT: return Math.sqrt(x);
            case EXP: return Math.exp(x);
            case LOG: return Math.log(x);
            default: throw new AssertionError(this);
        }
    }
}
