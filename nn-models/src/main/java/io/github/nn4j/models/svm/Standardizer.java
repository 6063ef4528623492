package io.github.nn4j.models.svm;

/**
 * Centres every feature and scales it ({@link FeatureScaling}), with the means and standard deviations of the
 * data it was fitted on (the training set), so that validation and test data get the same transformation.
 *
 * <p>With {@link FeatureScaling#PER_FEATURE}, a feature that is constant on the training data (for example a
 * latent unit whose ReLU never fires) has standard deviation 0; it is only centred, which maps it to 0
 * everywhere it has its training value. Immutable.
 */
public final class Standardizer {
    private final double[] mean;
    private final double[] scale;
    private final int constantFeatures;

    private Standardizer(double[] mean, double[] scale, int constantFeatures) {
        this.mean = mean;
        this.scale = scale;
        this.constantFeatures = constantFeatures;
    }

    /** Z-scores: means and (population) standard deviations of the columns of {@code x}. */
    public static Standardizer fit(double[][] x) {
        return fit(x, FeatureScaling.PER_FEATURE);
    }

    /** Means of the columns of {@code x} and the scale factors that {@code scaling} asks for. */
    public static Standardizer fit(double[][] x, FeatureScaling scaling) {
        if (x.length == 0) {
            throw new IllegalArgumentException("cannot fit a standardizer on no data");
        }
        int d = x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            requireWidth(row, d);
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= x.length;
        }
        double[] var = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                var[j] += c * c;
            }
        }
        double[] scale = new double[d];
        int constant = 0;
        double total = 0;
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(var[j] / x.length);
            scale[j] = sd > 0 ? 1.0 / sd : 1.0;
            constant += sd > 0 ? 0 : 1;
            total += var[j] / x.length;
        }
        if (scaling == FeatureScaling.UNIFORM) {
            double meanVariance = total / d;
            java.util.Arrays.fill(scale, meanVariance > 0 ? 1.0 / Math.sqrt(meanVariance) : 1.0);
        }
        return new Standardizer(mean, scale, constant);
    }

    /** Number of features. */
    public int dimension() {
        return mean.length;
    }

    /** How many features were constant on the training data. */
    public int constantFeatures() {
        return constantFeatures;
    }

    /** {@code (x - mean) / sd} for every row, as new arrays. */
    public double[][] apply(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            requireWidth(x[i], mean.length);
            double[] r = new double[mean.length];
            for (int j = 0; j < r.length; j++) {
                r[j] = (x[i][j] - mean[j]) * scale[j];
            }
            out[i] = r;
        }
        return out;
    }

    private static void requireWidth(double[] row, int d) {
        if (row.length != d) {
            throw new IllegalArgumentException("feature vector of width " + row.length + ", expected " + d);
        }
    }
}
