package io.github.nn4j.models.svm;

/**
 * Feature vectors of the training, validation and test images, one {@code double[]} per image (the layout
 * Smile expects), with their labels: the autoencoder's latent codes, or the PCA baseline's projections.
 *
 * @param train           training features
 * @param trainLabels     training labels
 * @param validation      validation features
 * @param validationLabels validation labels
 * @param test            test features
 * @param testLabels      test labels
 */
public record FeatureSet(double[][] train, int[] trainLabels, double[][] validation, int[] validationLabels,
        double[][] test, int[] testLabels) {

    /** Checks that features and labels agree in number and that all vectors have one width. */
    public FeatureSet {
        check("train", train, trainLabels);
        check("validation", validation, validationLabels);
        check("test", test, testLabels);
        int d = train[0].length;
        for (double[][] set : new double[][][] {train, validation, test}) {
            for (double[] row : set) {
                if (row.length != d) {
                    throw new IllegalArgumentException("feature vectors differ in width: " + row.length + " and " + d);
                }
            }
        }
    }

    private static void check(String name, double[][] x, int[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " feature vectors and " + y.length
                    + " labels");
        }
    }

    /** Width of the feature vectors. */
    public int dimension() {
        return train[0].length;
    }
}
