package io.github.nn4j.benchmarks.training;

import io.github.nn4j.benchmarks.BackendUnderTest;

/**
 * Trains the app's MNIST classifier ({@link MlpRecipe}) on a fixed set of labelled images with one framework, so that
 * nn4j's backends and DL4J are timed doing the same work. Not thread-safe.
 */
public interface MlpTrainer extends AutoCloseable {

    /**
     * A trainer for {@code backend} (an nn4j backend name, or {@link AutoencoderTrainer#DL4J}) on {@code images} in
     * mini-batches of {@code batchSize}.
     *
     * @param backend   an nn4j backend name or {@code dl4j}
     * @param images    the images and their labels
     * @param batchSize images per step
     * @return the trainer
     * @throws IllegalStateException if the nn4j backend is unavailable here
     */
    static MlpTrainer create(String backend, TrainingImages images, int batchSize) {
        if (batchSize < 1 || batchSize > images.count()) {
            throw new IllegalArgumentException("batch size must be in 1.." + images.count() + ", got " + batchSize);
        }
        if (AutoencoderTrainer.DL4J.equals(backend)) {
            return new Dl4jMlpTrainer(images, batchSize);
        }
        return new Nn4jMlpTrainer(BackendUnderTest.named(backend), images, batchSize);
    }

    /**
     * One epoch: every image once, in mini-batches, each followed by an update.
     *
     * @return the loss in the framework's own convention: nn4j's mean over the epoch, DL4J's score of the last batch
     */
    double epoch();

    /**
     * The number of trainable scalars.
     *
     * @return weights and biases
     */
    long parameterCount();

    /** Frees the network and the data. */
    @Override
    void close();
}
