package io.github.nn4j.benchmarks.training;

/**
 * The report's autoencoder, which every {@link AutoencoderTrainer} builds the same way: 784 → 128 → 64 → 128 →
 * 784, ReLU after each hidden layer, sigmoid output, Xavier-uniform weights, zero biases, squared-error loss,
 * plain SGD with learning rate 0.05, FLOAT32 (for nn4j: the app's
 * {@link io.github.nn4j.models.autoencoder.MnistAutoencoder}).
 */
public final class AutoencoderRecipe {
    /** Input and output width (an MNIST image). */
    public static final int INPUTS = TrainingImages.WIDTH;
    /** Width of the two hidden layers. */
    public static final int HIDDEN = 128;
    /** Width of the latent code. */
    public static final int LATENT = 64;
    /** SGD learning rate. */
    public static final double LEARNING_RATE = 0.05;
    /** Seed of the weights and of the batch order. */
    public static final long SEED = 234;

    private AutoencoderRecipe() {
    }
}
