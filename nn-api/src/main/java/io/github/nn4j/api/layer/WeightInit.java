package io.github.nn4j.api.layer;

/**
 * How {@link Dense} draws its initial weights for a layer with {@code fanIn} inputs and {@code fanOut} outputs.
 * Biases start at zero.
 */
public enum WeightInit {
    /** Glorot/Xavier uniform: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)). The default, as in the reproduced report. */
    XAVIER_UNIFORM,
    /** Glorot/Xavier normal: N(0, 2 / (fanIn + fanOut)). */
    XAVIER_NORMAL,
    /** He/Kaiming normal for ReLU networks: N(0, 2 / fanIn). */
    HE_NORMAL,
    /** He/Kaiming uniform: U(-l, l) with l = sqrt(6 / fanIn). */
    HE_UNIFORM;

    /** {@return whether weights are drawn from a uniform distribution (else normal)} */
    public boolean isUniform() {
        return this == XAVIER_UNIFORM || this == HE_UNIFORM;
    }

    /**
     * {@return the half-width of the uniform range, or the standard deviation of the normal distribution}
     *
     * @param fanIn the number of inputs of the layer
     * @param fanOut the number of outputs of the layer
     */
    public double scale(int fanIn, int fanOut) {
        switch (this) {
            case XAVIER_UNIFORM: return Math.sqrt(6.0 / (fanIn + fanOut));
            case XAVIER_NORMAL: return Math.sqrt(2.0 / (fanIn + fanOut));
            case HE_NORMAL: return Math.sqrt(2.0 / fanIn);
            case HE_UNIFORM: return Math.sqrt(6.0 / fanIn);
            default: throw new AssertionError(this);
        }
    }
}
