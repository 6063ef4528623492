package io.github.nn4j.api.persist;

import java.util.List;

/**
 * One tensor of a safetensors file, as its header describes it.
 *
 * @param name  the tensor's name, e.g. {@code layers.0.weight}
 * @param dtype the safetensors dtype, e.g. {@code F32}
 * @param shape the dimensions, row-major (empty for a scalar)
 * @param begin the first byte of its data, counted from the end of the header
 * @param end   one past its last byte, counted from the end of the header
 */
public record TensorInfo(String name, String dtype, List<Long> shape, long begin, long end) {

    /**
     * Copies the shape.
     *
     * @param name the tensor's name, e.g. {@code layers.0.weight}
     * @param dtype the safetensors dtype, e.g. {@code F32}
     * @param shape the dimensions, row-major (empty for a scalar)
     * @param begin the first byte of its data, counted from the end of the header
     * @param end one past its last byte, counted from the end of the header
     */
    public TensorInfo {
        shape = List.copyOf(shape);
    }

    /** {@return the number of data bytes} */
    public long byteLength() {
        return end - begin;
    }

    /** {@return the number of elements (the product of the shape; 1 for a scalar)} */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
