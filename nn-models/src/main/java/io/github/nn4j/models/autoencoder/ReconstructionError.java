package io.github.nn4j.models.autoencoder;

/**
 * How well an autoencoder reproduces a set of images, in the two conventions in use.
 *
 * @param perImageSum  the squared error summed over the pixels of an image, averaged over the images (the
 *                     loss the network trains on, and the report's "test MSE 8.3–8.5")
 * @param perPixelMean the squared error averaged over every pixel of every image (what Keras calls MSE)
 * @param pixels       pixels per image ({@code perImageSum = perPixelMean * pixels})
 * @param images       number of images measured
 */
public record ReconstructionError(double perImageSum, double perPixelMean, int pixels, int images) {

    /** From the per-image sum. */
    public static ReconstructionError fromPerImageSum(double perImageSum, int pixels, int images) {
        return new ReconstructionError(perImageSum, perImageSum / pixels, pixels, images);
    }
}
