package io.github.nn4j.spark;

import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * One partition's training rows packed into row-major arrays of the network's dtype ({@code float[]} for FLOAT32,
 * {@code double[]} for FLOAT64), in the order of their position in the dataset. Targets that are the inputs (an
 * autoencoder) are stored once.
 */
final class PartitionRows implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int partition;
    private final int rows;
    private final int inputWidth;
    private final int targetWidth;
    private final Object inputs;
    private final Object targets;

    /**
     * @param inputs  {@code rows * inputWidth} values, a {@code float[]} or {@code double[]}
     * @param targets {@code rows * targetWidth} values of the same type, or {@code null} when they are the inputs
     */
    PartitionRows(int partition, int rows, int inputWidth, int targetWidth, Object inputs, Object targets) {
        this.partition = partition;
        this.rows = rows;
        this.inputWidth = inputWidth;
        this.targetWidth = targetWidth;
        this.inputs = inputs;
        this.targets = targets;
    }

    /** The partition's index. */
    int partition() {
        return partition;
    }

    /** Number of rows. */
    int rows() {
        return rows;
    }

    /** Values per input row (0 without rows). */
    int inputWidth() {
        return inputWidth;
    }

    /** Values per target row (0 without rows). */
    int targetWidth() {
        return targetWidth;
    }

    /** The network dtype the rows are stored for. */
    DType dtype() {
        return inputs instanceof double[] ? DType.FLOAT64 : DType.FLOAT32;
    }

    /** Writes the input rows {@code order[from .. from + count)} into {@code dst} ({@code [count, inputWidth]}). */
    void gatherInputs(int[] order, int from, int count, Tensor dst, Scratch scratch) {
        gather(inputs, inputWidth, order, from, count, dst, scratch);
    }

    /** Writes the target rows {@code order[from .. from + count)} into {@code dst} ({@code [count, targetWidth]}). */
    void gatherTargets(int[] order, int from, int count, Tensor dst, Scratch scratch) {
        gather(targets == null ? inputs : targets, targetWidth, order, from, count, dst, scratch);
    }

    private static void gather(Object source, int width, int[] order, int from, int count, Tensor dst,
                               Scratch scratch) {
        int size = count * width;
        if (source instanceof float[] f) {
            float[] buffer = scratch.floats(size);
            for (int i = 0; i < count; i++) {
                System.arraycopy(f, order[from + i] * width, buffer, i * width, width);
            }
            dst.copyFrom(buffer);
        } else {
            double[] d = (double[]) source;
            double[] buffer = scratch.doubles(size);
            for (int i = 0; i < count; i++) {
                System.arraycopy(d, order[from + i] * width, buffer, i * width, width);
            }
            dst.copyFrom(buffer);
        }
    }

    /** Staging arrays for {@link #gatherInputs}/{@link #gatherTargets}, kept per length. Not thread-safe. */
    static final class Scratch {
        private final Map<Integer, float[]> floats = new HashMap<>();
        private final Map<Integer, double[]> doubles = new HashMap<>();

        float[] floats(int length) {
            return floats.computeIfAbsent(length, float[]::new);
        }

        double[] doubles(int length) {
            return doubles.computeIfAbsent(length, double[]::new);
        }
    }
}
