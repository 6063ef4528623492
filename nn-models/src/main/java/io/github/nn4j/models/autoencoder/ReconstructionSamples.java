package io.github.nn4j.models.autoencoder;

/**
 * Test images and their reconstructions, pixel values in [0, 1], one row-major image per array.
 *
 * @param rows            rows per image
 * @param cols            columns per image
 * @param labels          the digit of each image
 * @param originals       the images
 * @param reconstructions what the autoencoder made of them
 */
public record ReconstructionSamples(int rows, int cols, int[] labels, float[][] originals,
        float[][] reconstructions) {

    /** Checks that the arrays agree. */
    public ReconstructionSamples {
        if (labels.length != originals.length || originals.length != reconstructions.length) {
            throw new IllegalArgumentException("labels, originals and reconstructions differ in number: "
                    + labels.length + ", " + originals.length + ", " + reconstructions.length);
        }
        for (int i = 0; i < originals.length; i++) {
            if (originals[i].length != rows * cols || reconstructions[i].length != rows * cols) {
                throw new IllegalArgumentException("sample " + i + " is not " + rows + "x" + cols);
            }
        }
    }

    /** Number of samples. */
    public int count() {
        return labels.length;
    }
}
