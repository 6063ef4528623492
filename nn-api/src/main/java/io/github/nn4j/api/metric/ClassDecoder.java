package io.github.nn4j.api.metric;

import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;

/**
 * Reads a batch of classifier outputs and targets into predicted and actual class indices: the one place where the
 * package's conventions (see its documentation) are implemented. Reuses its host buffers across batches. Not
 * thread-safe.
 */
final class ClassDecoder {
    /** The predicted class of a row of outputs that holds NaN. */
    static final int NO_PREDICTION = -1;

    private final double threshold;
    private double[] outputs = new double[0];
    private double[] targets = new double[0];
    private int[] predicted = new int[0];
    private int[] actual = new int[0];

    /** A decoder for which a single-column output above {@code threshold} predicts class 1. */
    ClassDecoder(double threshold) {
        this.threshold = threshold;
    }

    /**
     * Decodes a batch; afterwards {@link #predicted(int)} and {@link #actual(int)} hold its rows' classes.
     *
     * @return the number of rows
     */
    int decode(Tensor out, Tensor target) {
        Shape os = out.shape();
        Shape ts = target.shape();
        if (os.rank() != 2 || ts.rank() != 2 || os.dim(0) != ts.dim(0)) {
            throw new IllegalArgumentException("classification metrics need outputs [samples, classes] and targets"
                    + " [samples, classes] or [samples, 1] with the same samples, got outputs " + os + " and targets " + ts);
        }
        int rows = os.dim(0);
        int classes = os.dim(1);
        boolean labels = ts.dim(1) == 1;
        if (!labels && ts.dim(1) != classes) {
            throw new IllegalArgumentException("classification metrics: targets " + ts + " are neither one-hot for the "
                    + classes + " classes of the outputs " + os + " nor class labels [" + rows + ", 1]");
        }
        outputs = read(out, outputs);
        targets = read(target, targets);
        if (predicted.length < rows) {
            predicted = new int[rows];
            actual = new int[rows];
        }
        for (int r = 0; r < rows; r++) {
            if (classes == 1) {
                double score = outputs[r];
                predicted[r] = Double.isNaN(score) ? NO_PREDICTION : score > threshold ? 1 : 0;
                actual[r] = label(r, targets[r], 2);
            } else {
                predicted[r] = argmax(outputs, r * classes, classes);
                actual[r] = labels ? label(r, targets[r], classes) : argmax(targets, r * classes, classes);
                if (actual[r] == NO_PREDICTION) {
                    throw new IllegalArgumentException("classification metrics: row " + r + " of the targets holds NaN");
                }
            }
        }
        return rows;
    }

    /** The predicted class of row {@code r} of the last batch, or {@link #NO_PREDICTION}. */
    int predicted(int r) {
        return predicted[r];
    }

    /** The actual class of row {@code r} of the last batch. */
    int actual(int r) {
        return actual[r];
    }

    /** The elements of {@code t}, in {@code buffer} when it has the size (batches of one size reuse it). */
    private static double[] read(Tensor t, double[] buffer) {
        double[] b = buffer.length == t.size() ? buffer : new double[t.size()];
        t.backend().read(t, b);
        return b;
    }

    /** The index of the largest of {@code n} values from {@code from}, the first on a tie; NO_PREDICTION on a NaN. */
    private static int argmax(double[] v, int from, int n) {
        int best = 0;
        for (int j = 0; j < n; j++) {
            double x = v[from + j];
            if (Double.isNaN(x)) {
                return NO_PREDICTION;
            }
            if (x > v[from + best]) {
                best = j;
            }
        }
        return best;
    }

    /** An integer class label in {@code [0, classes)}. */
    private static int label(int row, double value, int classes) {
        if (!(value >= 0 && value < classes) || value != Math.rint(value)) {
            throw new IllegalArgumentException("classification metrics: the label of row " + row + " is " + value
                    + ", not a class in 0.." + (classes - 1));
        }
        return (int) value;
    }
}
