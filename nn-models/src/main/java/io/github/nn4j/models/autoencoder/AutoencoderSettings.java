package io.github.nn4j.models.autoencoder;

/**
 * How the autoencoder is trained.
 *
 * @param epochs       passes over the training images (the report: 50)
 * @param batchSize    mini-batch size (the report does not give one; see {@link #DEFAULT_BATCH_SIZE})
 * @param learningRate SGD learning rate (the report: 0.05)
 * @param seed         seed of the weights and of the shuffling
 */
public record AutoencoderSettings(int epochs, int batchSize, double learningRate, long seed) {
    /** The report's number of epochs. */
    public static final int REPORT_EPOCHS = 50;
    /** The report's learning rate. */
    public static final double REPORT_LEARNING_RATE = 0.05;
    /**
     * The mini-batch size we use; chosen by measurement (see the README): the report does not state it.
     */
    public static final int DEFAULT_BATCH_SIZE = 64;

    /** Checks the values. */
    public AutoencoderSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
    }

    /** The report's recipe with our batch size and the given seed. */
    public static AutoencoderSettings report(long seed) {
        return new AutoencoderSettings(REPORT_EPOCHS, DEFAULT_BATCH_SIZE, REPORT_LEARNING_RATE, seed);
    }
}
