package io.github.nn4j.datasets.mnist;

/** The four files that make up MNIST. */
public enum MnistPart {
    /** The 60,000 training images. */
    TRAIN_IMAGES(true),
    /** The 60,000 training labels. */
    TRAIN_LABELS(false),
    /** The 10,000 official test images. */
    TEST_IMAGES(true),
    /** The 10,000 official test labels. */
    TEST_LABELS(false);

    private final boolean images;

    MnistPart(boolean images) {
        this.images = images;
    }

    /** {@return whether this part holds images (else labels)} */
    public boolean isImages() {
        return images;
    }
}
