package io.github.nn4j.models.classifier;

/**
 * How the MNIST classifier is built and trained.
 *
 * @param epochs        the most epochs (early stopping may end sooner); the cosine schedule spans them
 * @param batchSize     mini-batch size
 * @param learningRate  SGD's base learning rate
 * @param momentum      SGD's momentum
 * @param weightDecay   SGD's L2 penalty
 * @param inputDropout  dropout rate on the pixels
 * @param hiddenDropout dropout rate after each hidden layer
 * @param patience      epochs without a better validation accuracy after which training stops
 * @param seed          seed of the weights, the dropout masks and the shuffling
 */
public record ClassifierSettings(int epochs, int batchSize, double learningRate, double momentum, double weightDecay,
        double inputDropout, double hiddenDropout, int patience, long seed) {
    /** Epochs of {@link #standard}. */
    public static final int STANDARD_EPOCHS = 25;
    /** Mini-batch size of {@link #standard}. */
    public static final int STANDARD_BATCH_SIZE = 128;
    /** Base learning rate of {@link #standard}. */
    public static final double STANDARD_LEARNING_RATE = 0.1;
    /** Momentum of {@link #standard}. */
    public static final double STANDARD_MOMENTUM = 0.9;
    /** Weight decay of {@link #standard}. */
    public static final double STANDARD_WEIGHT_DECAY = 5e-4;
    /** Input dropout of {@link #standard}. */
    public static final double STANDARD_INPUT_DROPOUT = 0.2;
    /** Hidden dropout of {@link #standard}. */
    public static final double STANDARD_HIDDEN_DROPOUT = 0.25;
    /** Early-stopping patience of {@link #standard}. */
    public static final int STANDARD_PATIENCE = 10;

    /** Checks the values. */
    public ClassifierSettings {
        if (epochs < 1 || batchSize < 1 || patience < 1) {
            throw new IllegalArgumentException("epochs, batch size and patience must be at least 1, got " + epochs
                    + ", " + batchSize + " and " + patience);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate) || !(momentum >= 0 && momentum < 1)
                || !(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("need a positive finite learning rate, a momentum in [0, 1) and a"
                    + " finite weight decay >= 0, got " + learningRate + ", " + momentum + " and " + weightDecay);
        }
        if (!(inputDropout >= 0 && inputDropout < 1) || !(hiddenDropout >= 0 && hiddenDropout < 1)) {
            throw new IllegalArgumentException("dropout rates must be in [0, 1), got " + inputDropout + " and "
                    + hiddenDropout);
        }
    }

    /**
     * The recipe of {@code ./nn4j classify}, chosen on the validation images (docs/classifier-recipe.md): 25 epochs
     * of mini-batches of 128, SGD with momentum 0.9 from learning rate 0.1 on a cosine schedule, weight decay 5e-4,
     * dropout 0.2 on the (standardized) pixels and 0.25 after each hidden layer, patience 10.
     *
     * @param seed the seed
     * @return the settings
     */
    public static ClassifierSettings standard(long seed) {
        return new ClassifierSettings(STANDARD_EPOCHS, STANDARD_BATCH_SIZE, STANDARD_LEARNING_RATE, STANDARD_MOMENTUM,
                STANDARD_WEIGHT_DECAY, STANDARD_INPUT_DROPOUT, STANDARD_HIDDEN_DROPOUT, STANDARD_PATIENCE, seed);
    }

    /**
     * The same recipe with other epochs and batch size (the schedule spans the epochs).
     *
     * @param epochs    the most epochs
     * @param batchSize the mini-batch size
     * @return the settings
     */
    public ClassifierSettings with(int epochs, int batchSize) {
        return new ClassifierSettings(epochs, batchSize, learningRate, momentum, weightDecay, inputDropout,
                hiddenDropout, patience, seed);
    }
}
