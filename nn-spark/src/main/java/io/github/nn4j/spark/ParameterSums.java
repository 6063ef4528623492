package io.github.nn4j.spark;

import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The sum, over the partitions of an averaging round, of their parameters and optimizer state (in
 * {@link TrainingState} order, summed in double), step counters, losses and samples: what {@code treeAggregate}
 * combines. A partition's own contribution is kept as it is, in the network's dtype (FLOAT32 values travel as
 * floats, half the bytes of doubles), and is widened to a double sum only when a second one is added: with one
 * partition the average is its values exactly, negative zeros included.
 */
final class ParameterSums implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One FLOAT32 partition's values, before any addition; otherwise {@code null}. */
    private float[] floats;
    /** The sum in double (or one FLOAT64 partition's values); {@code null} while {@link #floats} holds them. */
    private double[] values;
    private long steps;
    private int partitions;
    private double lossSum;
    private long samples;
    private long slowestTrainNanos;
    /** The first partition (by index) whose loss went non-finite, or {@code null}. */
    private Divergence divergence;

    /**
     * Where a partition's training diverged, in its own batch stream.
     *
     * @param partition the partition
     * @param epoch     1-based epoch of that partition
     * @param batch     1-based batch within the epoch
     * @param loss      the non-finite loss
     */
    record Divergence(int partition, int epoch, int batch, double loss) implements Serializable {
    }

    private ParameterSums() {
    }

    /** A partition whose loss went non-finite: the round's result is that, whatever the others did. */
    static ParameterSums diverged(Divergence where) {
        ParameterSums s = new ParameterSums();
        s.divergence = where;
        return s;
    }

    /** Nothing yet: the zero of the aggregation. */
    static ParameterSums empty() {
        return new ParameterSums();
    }

    /** One partition's result after training: its state, step counter, summed batch losses (times batch sizes). */
    static ParameterSums of(List<Tensor> state, long steps, double lossSum, long samples, long trainNanos) {
        ParameterSums s = new ParameterSums();
        int size = TrainingState.size(state);
        int offset = 0;
        if (state.get(0).dtype() == DType.FLOAT32) {
            s.floats = new float[size];
            for (Tensor t : state) {
                float[] v = t.toFloatArray();
                System.arraycopy(v, 0, s.floats, offset, v.length);
                offset += v.length;
            }
        } else {
            s.values = new double[size];
            for (Tensor t : state) {
                double[] v = t.toDoubleArray();
                System.arraycopy(v, 0, s.values, offset, v.length);
                offset += v.length;
            }
        }
        s.steps = steps;
        s.partitions = 1;
        s.lossSum = lossSum;
        s.samples = samples;
        s.slowestTrainNanos = trainNanos;
        return s;
    }

    /** Adds {@code other} into this (Spark allows an aggregation to reuse its first argument); returns this. */
    ParameterSums add(ParameterSums other) {
        if (divergence != null || other.divergence != null) {
            if (divergence == null || (other.divergence != null && other.divergence.partition() < divergence.partition())) {
                return other;
            }
            return this;
        }
        if (other.partitions == 0) {
            return this;
        }
        if (partitions == 0) {
            return other;
        }
        if (size() != other.size()) {
            throw new IllegalStateException("partitions returned " + size() + " and " + other.size()
                    + " values: they trained different networks");
        }
        if (values == null) {
            values = new double[floats.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = floats[i];
            }
            floats = null;
        }
        if (other.floats != null) {
            for (int i = 0; i < values.length; i++) {
                values[i] += other.floats[i];
            }
        } else {
            for (int i = 0; i < values.length; i++) {
                values[i] += other.values[i];
            }
        }
        steps += other.steps;
        partitions += other.partitions;
        lossSum += other.lossSum;
        samples += other.samples;
        slowestTrainNanos = Math.max(slowestTrainNanos, other.slowestTrainNanos);
        return this;
    }

    private int size() {
        return floats != null ? floats.length : values.length;
    }

    /** Where training diverged (the lowest such partition), or {@code null} when every loss was finite. */
    Divergence divergence() {
        return divergence;
    }

    /** Partitions summed. */
    int partitions() {
        return partitions;
    }

    /** Mean loss per sample over all partitions' batches. */
    double loss() {
        return lossSum / samples;
    }

    /** Samples trained, all partitions together. */
    long samples() {
        return samples;
    }

    /** The slowest partition's training time. */
    long slowestTrainNanos() {
        return slowestTrainNanos;
    }

    /**
     * Writes the averages into {@code network}'s parameters and {@code optimizer}'s state and step counter (every
     * partition took the same number of steps, so the counter's average is exact).
     */
    void averageInto(Network network, Optimizer optimizer) {
        if (partitions == 0) {
            throw new IllegalStateException("no partition trained");
        }
        List<Tensor> state = TrainingState.tensors(network, optimizer);
        if (TrainingState.size(state) != size()) {
            throw new IllegalStateException("the partitions returned " + size() + " values, the driver's network"
                    + " and optimizer hold " + TrainingState.size(state));
        }
        if (steps % partitions != 0) {
            throw new IllegalStateException("partitions took different numbers of steps (" + steps + " in all over "
                    + partitions + ")");
        }
        int offset = 0;
        for (Tensor t : state) {
            if (floats != null) {
                t.copyFrom(Arrays.copyOfRange(floats, offset, offset + t.size()));
            } else {
                double[] mean = new double[t.size()];
                for (int i = 0; i < mean.length; i++) {
                    mean[i] = values[offset + i] / partitions;
                }
                t.copyFrom(mean);
            }
            offset += t.size();
        }
        optimizer.setSteps(steps / partitions);
    }
}
