package io.github.nn4j.api.tensor;

/**
 * Activation functions with their derivatives, computed by backend kernels.
 *
 * <p>Forward: {@code y = f(x)}. Backward: {@code dx = f'(x) * dy}, where each backend may compute
 * {@code f'} from whichever of {@code x} or {@code y} is cheaper (ReLU from {@code x}; sigmoid and
 * tanh from {@code y}: {@code y(1-y)} and {@code 1-y^2}). The derivative of ReLU at exactly 0 is taken
 * as 0.
 */
public enum Activation {
    /** {@code f(x) = x}. */
    IDENTITY,
    /** {@code f(x) = max(0, x)}. */
    RELU,
    /** {@code f(x) = 1 / (1 + exp(-x))}. */
    SIGMOID,
    /** {@code f(x) = tanh(x)}. */
    TANH;

    /**
     * {@return the reference forward value in double precision}
     *
     * @param x the input
     */
    public double apply(double x) {
        switch (this) {
            case IDENTITY: return x;
            case RELU: return x > 0 ? x : 0.0;
            case SIGMOID: return 1.0 / (1.0 + Math.exp(-x));
            case TANH: return Math.tanh(x);
            default: throw new AssertionError(this);
        }
    }

    /**
     * {@return the reference derivative {@code f'(x)}, given the input {@code x} and the output {@code y = f(x)}}
     *
     * @param x the input
     * @param y the output {@code f(x)}
     */
    public double derivative(double x, double y) {
        switch (this) {
            case IDENTITY: return 1.0;
            case RELU: return x > 0 ? 1.0 : 0.0;
            case SIGMOID: return y * (1.0 - y);
            case TANH: return 1.0 - y * y;
            default: throw new AssertionError(this);
        }
    }
}
