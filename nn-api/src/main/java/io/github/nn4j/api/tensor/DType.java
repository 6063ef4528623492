package io.github.nn4j.api.tensor;

/**
 * Element type of a {@link Tensor}.
 *
 * <p>{@link #FLOAT32} is the default for training; {@link #FLOAT64} exists for gradient checks and
 * for callers that need the precision. Operations never mix dtypes: both operands and the output of
 * an operation must have the same dtype, or the operation throws.
 */
public enum DType {
    /** IEEE 754 single precision, 4 bytes per element. */
    FLOAT32(4),
    /** IEEE 754 double precision, 8 bytes per element. */
    FLOAT64(8);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** {@return the size of one element in bytes} */
    public int bytes() {
        return bytes;
    }
}
