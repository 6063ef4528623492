package io.github.nn4j.api.metric;

import io.github.nn4j.api.tensor.Tensor;
import java.util.Arrays;

/**
 * Counts of (actual class, predicted class) pairs over a dataset, added batch by batch, and the per-class precision
 * and recall they give. Outputs and targets follow the package's conventions: {@code [samples, classes]} scores
 * (argmax), or for a {@link #binary(double) binary} matrix single-column scores and a threshold; targets one-hot or
 * integer labels {@code [samples, 1]}. A row of outputs holding NaN has no predicted class: it counts in
 * {@link #total()} and {@link #unpredicted()}, against the accuracy and its class's recall, but in no cell.
 * Not thread-safe.
 *
 * <pre>{@code
 * ConfusionMatrix cm = new ConfusionMatrix(10);
 * try (Tensor scores = net.predict(testImages)) {
 *     cm.add(scores, testLabels);
 * }
 * double recallOfSevens = cm.recall(7);
 * }</pre>
 */
public final class ConfusionMatrix {
    private final int classes;
    private final long[][] counts;
    private final ClassDecoder decoder;
    /** Per actual class, the samples whose outputs held NaN. */
    private final long[] unpredicted;

    /**
     * An empty matrix for outputs of {@code classes} columns.
     *
     * @param classes the number of classes, at least 2
     */
    public ConfusionMatrix(int classes) {
        this(classes, 0.5);
    }

    private ConfusionMatrix(int classes, double threshold) {
        if (classes < 2) {
            throw new IllegalArgumentException("a confusion matrix needs at least 2 classes, got " + classes);
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("confusion matrix: the threshold is NaN");
        }
        this.classes = classes;
        this.counts = new long[classes][classes];
        this.decoder = new ClassDecoder(threshold);
        this.unpredicted = new long[classes];
    }

    /**
     * The matrix of classes already decided, for example by a classifier that is not a network.
     *
     * @param actual    each sample's class
     * @param predicted the class predicted for each sample, in the same order
     * @param classes   the number of classes, at least 2
     * @return the matrix
     * @throws IllegalArgumentException when the arrays differ in length or hold a value that is not a class
     */
    public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("confusion matrix: " + actual.length + " actual classes but "
                    + predicted.length + " predictions");
        }
        ConfusionMatrix cm = new ConfusionMatrix(classes);
        for (int i = 0; i < actual.length; i++) {
            cm.add(actual[i], predicted[i]);
        }
        return cm;
    }

    /**
     * An empty matrix of two classes for single-column outputs: a score above {@code threshold} predicts class 1.
     *
     * @param threshold 0.5 for probabilities, 0 for logits
     * @return the matrix
     */
    public static ConfusionMatrix binary(double threshold) {
        return new ConfusionMatrix(2, threshold);
    }

    /**
     * Adds a batch of outputs and their targets.
     *
     * @param outputs {@code [batch, classes]}, or {@code [batch, 1]} for a binary matrix
     * @param targets one-hot {@code [batch, classes]} or labels {@code [batch, 1]}
     * @throws IllegalArgumentException when the shapes do not fit this matrix or a label is not one of its classes
     */
    public void add(Tensor outputs, Tensor targets) {
        int columns = outputs.shape().rank() == 2 ? outputs.shape().dim(1) : -1;
        if (columns != classes && !(columns == 1 && classes == 2)) {
            throw new IllegalArgumentException("confusion matrix of " + classes + " classes: outputs " + outputs.shape()
                    + " need " + classes + " columns" + (classes == 2 ? " (or 1, for a binary classifier)" : ""));
        }
        int rows = decoder.decode(outputs, targets);
        for (int r = 0; r < rows; r++) {
            int p = decoder.predicted(r);
            if (p == ClassDecoder.NO_PREDICTION) {
                unpredicted[decoder.actual(r)]++;
            } else {
                counts[decoder.actual(r)][p]++;
            }
        }
    }

    /**
     * Adds one sample.
     *
     * @param actual    its class
     * @param predicted the class predicted for it
     */
    public void add(int actual, int predicted) {
        if (actual < 0 || actual >= classes || predicted < 0 || predicted >= classes) {
            throw new IllegalArgumentException("confusion matrix of " + classes + " classes: (actual " + actual
                    + ", predicted " + predicted + ") is not a pair of its classes");
        }
        counts[actual][predicted]++;
    }

    /**
     * The number of classes.
     *
     * @return the number of rows and of columns
     */
    public int classes() {
        return classes;
    }

    /**
     * One cell.
     *
     * @param actual    the row: the samples' class
     * @param predicted the column: the class predicted for them
     * @return the number of samples of class {@code actual} predicted as {@code predicted}
     */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /**
     * All cells.
     *
     * @return a copy, {@code [actual][predicted]}
     */
    public long[][] counts() {
        long[][] copy = new long[classes][];
        for (int i = 0; i < classes; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /**
     * The samples added.
     *
     * @return every sample, those without a prediction included
     */
    public long total() {
        long n = unpredicted();
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    /**
     * The samples whose outputs held NaN.
     *
     * @return their number
     */
    public long unpredicted() {
        long n = 0;
        for (long u : unpredicted) {
            n += u;
        }
        return n;
    }

    /**
     * The samples predicted correctly.
     *
     * @return the sum of the diagonal
     */
    public long correct() {
        long n = 0;
        for (int i = 0; i < classes; i++) {
            n += counts[i][i];
        }
        return n;
    }

    /**
     * The share predicted correctly.
     *
     * @return {@code correct() / total()}; NaN when empty
     */
    public double accuracy() {
        long total = total();
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    /**
     * Precision of class {@code c}: of the samples predicted as {@code c}, the share that are {@code c}.
     *
     * @param c a class
     * @return {@code count(c, c) / Σ_a count(a, c)}; NaN when nothing was predicted as {@code c}
     */
    public double precision(int c) {
        long predictedAsC = 0;
        for (int a = 0; a < classes; a++) {
            predictedAsC += counts[a][c];
        }
        return predictedAsC == 0 ? Double.NaN : (double) counts[c][c] / predictedAsC;
    }

    /**
     * Recall of class {@code c}: of the samples of class {@code c}, the share predicted as {@code c}.
     *
     * @param c a class
     * @return {@code count(c, c) / (Σ_p count(c, p) + samples of c without a prediction)}; NaN when no sample of
     *         {@code c} was added
     */
    public double recall(int c) {
        long ofC = unpredicted[c];
        for (int p = 0; p < classes; p++) {
            ofC += counts[c][p];
        }
        return ofC == 0 ? Double.NaN : (double) counts[c][c] / ofC;
    }

    /** The counts as rows of actual classes, e.g. {@code [[5, 1], [0, 4]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < classes; i++) {
            sb.append(i == 0 ? "" : ", ").append(Arrays.toString(counts[i]));
        }
        return sb.append(']').toString();
    }
}
