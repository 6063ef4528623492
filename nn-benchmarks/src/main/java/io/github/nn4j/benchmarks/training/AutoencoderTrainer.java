package io.github.nn4j.benchmarks.training;

import io.github.nn4j.benchmarks.BackendUnderTest;

/**
 * Trains the report's autoencoder ({@link AutoencoderRecipe}) on a fixed set of images with one framework, so
 * that nn4j's backends and DL4J are timed doing the same work. Not thread-safe.
 */
public interface AutoencoderTrainer extends AutoCloseable {

    /** The value of the {@code backend} parameter that selects DL4J instead of an nn4j backend. */
    String DL4J = "dl4j";

    /**
     * A trainer for {@code backend} (an nn4j backend name, or {@link #DL4J}) on {@code images} in mini-batches of
     * {@code batchSize} images.
     *
     * @throws IllegalStateException if the nn4j backend is unavailable here
     */
    static AutoencoderTrainer create(String backend, TrainingImages images, int batchSize) {
        if (batchSize < 1 || batchSize > images.count()) {
            throw new IllegalArgumentException("batch size must be in 1.." + images.count() + " (the number of images), got "
                    + batchSize);
        }
        if (DL4J.equals(backend)) {
            return new Dl4jAutoencoderTrainer(images, batchSize);
        }
        return new Nn4jAutoencoderTrainer(BackendUnderTest.named(backend), images, batchSize);
    }

    /** One SGD step on the first mini-batch of the images; returns the loss in the framework's own convention. */
    double step();

    /** One epoch: every image once, in mini-batches, each followed by an SGD update. */
    void epoch();

    /** Frees the network and the data. */
    @Override
    void close();
}
