package io.github.nn4j.api.metric;

import io.github.nn4j.api.tensor.Tensor;

/**
 * The share of samples whose predicted class is the target's: for outputs {@code [samples, classes]} the largest
 * score (argmax), for single-column outputs a score above the threshold (class 1) or not (class 0). Targets are
 * one-hot rows (their largest entry is the class) or integer labels {@code [samples, 1]}; see the package
 * documentation. A row of outputs holding NaN counts as wrong. Reported as {@code "accuracy"}, higher is better.
 * Immutable and thread-safe.
 */
public final class Accuracy implements Metric {
    private final double threshold;

    /** Accuracy with the threshold 0.5 for single-column outputs (probabilities, as from a sigmoid). */
    public Accuracy() {
        this(0.5);
    }

    private Accuracy(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("accuracy: the threshold is NaN");
        }
        this.threshold = threshold;
    }

    /**
     * Accuracy with another threshold for single-column outputs: 0 for logits, as a binary cross-entropy on logits
     * trains them.
     *
     * @param threshold a score above it predicts class 1
     * @return the metric
     */
    public static Accuracy withThreshold(double threshold) {
        return new Accuracy(threshold);
    }

    /**
     * The threshold for single-column outputs.
     *
     * @return the threshold
     */
    public double threshold() {
        return threshold;
    }

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public Accumulator accumulator() {
        ClassDecoder decoder = new ClassDecoder(threshold);
        return new Accumulator() {
            private long correct;
            private long total;

            @Override
            public void add(Tensor outputs, Tensor targets) {
                int rows = decoder.decode(outputs, targets);
                for (int r = 0; r < rows; r++) {
                    if (decoder.predicted(r) == decoder.actual(r)) {
                        correct++;
                    }
                }
                total += rows;
            }

            @Override
            public double value() {
                return total == 0 ? Double.NaN : (double) correct / total;
            }
        };
    }

    @Override
    public String toString() {
        return threshold == 0.5 ? "accuracy" : "accuracy (threshold " + threshold + ")";
    }
}
