package io.github.nn4j.models.reporting;

/**
 * The numbers we compare against, as published: the reproduced report's (its NumPy library and its Keras
 * run) and LeCun's MNIST table. Only numbers the sources state are here.
 */
public final class PublishedResults {
    /** The report's SVM test accuracy on the autoencoder's 64-d latent codes. */
    public static final double SVM_ACCURACY = 0.9826;
    /** The report's test MSE, lower end; it matches a per-image sum of squared errors. */
    public static final double AE_TEST_MSE_PER_IMAGE_LOW = 8.3;
    /** The report's test MSE, upper end. */
    public static final double AE_TEST_MSE_PER_IMAGE_HIGH = 8.5;
    /** The report's test MSE per pixel, derived: 8.3 / 784 ≈ 0.0106. */
    public static final double AE_TEST_MSE_PER_PIXEL = 0.0106;
    /** The report's Keras run of the same autoencoder: MSE (Keras averages over pixels). */
    public static final double KERAS_MSE = 0.0530;
    /** The report's Keras run: training time in seconds. */
    public static final double KERAS_TRAINING_SECONDS = 222.75;
    /** LeCun's MNIST table: an RBF-kernel SVM on the 784 raw pixels, 1.4 % test error. */
    public static final double LECUN_RBF_SVM_ACCURACY = 0.986;
    /** LeCun's MNIST table: a 2-layer neural net, 800 hidden units, cross-entropy loss, 1.6 % test error. */
    public static final double LECUN_MLP_ACCURACY = 0.984;

    private PublishedResults() {
    }
}
