package io.github.nn4j.api.conformance;

/**
 * A row-major {@code [rows, cols]} matrix of reference values in double precision, each with a bound {@code e[i]} of
 * its distance to what a backend may compute for it: running error analysis, where every operation adds its own
 * rounding ({@link Tolerance}) to the errors it inherits.
 */
record Bounded(double[] v, double[] e, int rows, int cols) {

    /** Values a backend holds exactly (inputs, parameters read from it): zero error. */
    static Bounded exact(double[] values, int rows, int cols) {
        return new Bounded(values.clone(), new double[values.length], rows, cols);
    }

    /** A zero matrix with zero error. */
    static Bounded zeros(int rows, int cols) {
        return new Bounded(new double[rows * cols], new double[rows * cols], rows, cols);
    }

    int size() {
        return v.length;
    }

    /** The largest |value| + error: what the backend's element may be at most. */
    double reach(int i) {
        return Math.abs(v[i]) + e[i];
    }
}
