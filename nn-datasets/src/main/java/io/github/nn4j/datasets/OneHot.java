package io.github.nn4j.datasets;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Objects;

/**
 * One-hot encoding of class labels, the targets of a classifier trained with a per-class output, and its inverse
 * for the network's outputs.
 *
 * <p>Labels are class indices {@code 0 .. classes - 1}; the encoding of label {@code c} is a row of {@code classes}
 * values, 1 in column {@code c} and 0 elsewhere. Stateless and thread-safe.
 */
public final class OneHot {
    private OneHot() {
    }

    /**
     * The one-hot rows of {@code labels}: a tensor of shape {@code [labels.length, classes]}, owned by the caller.
     *
     * @param backend the backend that creates the tensor
     * @param dtype   the element type
     * @param labels  class indices, each in {@code [0, classes)}
     * @param classes the number of classes (columns), at least 1
     * @return a new tensor
     * @throws IllegalArgumentException if {@code labels} is empty, {@code classes < 1}, or a label is out of range
     *                                  (the message names its position)
     */
    public static Tensor encode(Backend backend, DType dtype, int[] labels, int classes) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(dtype, "dtype");
        if (classes < 1) {
            throw new IllegalArgumentException("one-hot encoding needs at least one class, got " + classes);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("one-hot encoding of no labels: a tensor needs at least one row");
        }
        if ((long) labels.length * classes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(labels.length + " labels of " + classes
                    + " classes are more values than a tensor holds");
        }
        double[] values = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("label " + c + " at position " + i + " is not a class in [0, "
                        + classes + ")");
            }
            values[i * classes + c] = 1;
        }
        return backend.fromArray(dtype, values, Shape.matrix(labels.length, classes));
    }

    /**
     * The class of each row of {@code scores} (e.g. a network's outputs, shape {@code [n, classes]}): the column of
     * its largest value, the first such column on ties. A row holding NaN gets the class of its first NaN, so that a
     * diverged network is never scored as right by accident.
     *
     * @param scores a rank-2 tensor, one row per example
     * @return {@code n} class indices
     * @throws IllegalArgumentException if {@code scores} is not rank 2
     */
    public static int[] decode(Tensor scores) {
        if (scores.rank() != 2) {
            throw new IllegalArgumentException("decode needs a matrix [examples, classes], got shape "
                    + scores.shape());
        }
        int n = scores.rows();
        int classes = scores.cols();
        double[] values = scores.toDoubleArray();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double max = values[i * classes];
            for (int c = 1; c < classes && !Double.isNaN(max); c++) {
                double v = values[i * classes + c];
                if (v > max || Double.isNaN(v)) {
                    max = v;
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * The fraction of rows of {@code scores} whose {@link #decode decoded} class equals the label.
     *
     * @param scores a rank-2 tensor, one row per example
     * @param labels the true class of each row
     * @return a value in {@code [0, 1]}
     * @throws IllegalArgumentException if the number of rows and labels differ, or there are none
     */
    public static double accuracy(Tensor scores, int[] labels) {
        int[] predicted = decode(scores);
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException("accuracy: " + predicted.length + " rows of scores but "
                    + labels.length + " labels");
        }
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }
}
