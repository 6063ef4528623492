package io.github.nn4j.models.reporting;

/**
 * One curve of a loss chart.
 *
 * @param name   legend text
 * @param epochs x values (1-based epoch numbers)
 * @param values y values, one per epoch
 */
public record LossSeries(String name, double[] epochs, double[] values) {
    /** Checks that both arrays have the same, non-zero length. */
    public LossSeries {
        if (epochs.length == 0 || epochs.length != values.length) {
            throw new IllegalArgumentException(name + ": " + epochs.length + " epochs but " + values.length + " values");
        }
    }

    /** A curve over epochs 1..n. */
    public static LossSeries perEpoch(String name, double[] values) {
        double[] x = new double[values.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        return new LossSeries(name, x, values.clone());
    }
}
