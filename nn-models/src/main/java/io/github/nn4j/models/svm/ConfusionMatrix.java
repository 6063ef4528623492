package io.github.nn4j.models.svm;

/**
 * Counts of (true class, predicted class) pairs. Immutable.
 */
public final class ConfusionMatrix {
    private final int[][] counts;
    private final int total;
    private final int correct;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
        int t = 0;
        int c = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                t += counts[i][j];
                c += i == j ? counts[i][j] : 0;
            }
        }
        this.total = t;
        this.correct = c;
    }

    /** Tallies {@code truth[i]} against {@code predicted[i]}, both in {@code [0, numClasses)}. */
    public static ConfusionMatrix of(int[] truth, int[] predicted, int numClasses) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        int[][] counts = new int[numClasses][numClasses];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= numClasses || predicted[i] < 0 || predicted[i] >= numClasses) {
                throw new IllegalArgumentException("sample " + i + ": label " + truth[i] + " or prediction "
                        + predicted[i] + " is not in [0, " + numClasses + ")");
            }
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /** Number of classes. */
    public int numClasses() {
        return counts.length;
    }

    /** How many samples of class {@code truth} were predicted as {@code predicted}. */
    public int count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** A copy of the counts, {@code [truth][predicted]}. */
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Number of samples. */
    public int total() {
        return total;
    }

    /** Number of correctly classified samples. */
    public int correct() {
        return correct;
    }

    /** Fraction classified correctly. */
    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
