package io.github.nn4j.datasets.mnist;

import io.github.nn4j.datasets.LabeledImages;
import io.github.nn4j.datasets.TrainValidationSplit;

/**
 * MNIST in memory: the official training and test sets.
 *
 * @param train the 60,000 training images (split further with {@link TrainValidationSplit})
 * @param test  the 10,000 official test images
 */
public record Mnist(LabeledImages train, LabeledImages test) {
    /** Number of digit classes. */
    public static final int CLASSES = 10;
}
