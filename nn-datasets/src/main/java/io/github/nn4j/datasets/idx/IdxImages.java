package io.github.nn4j.datasets.idx;

/**
 * The content of an IDX image file: {@code count} images of {@code rows × cols} unsigned bytes, stored
 * row-major, image after image, in {@code pixels}.
 *
 * @param count  number of images
 * @param rows   rows per image
 * @param cols   columns per image
 * @param pixels {@code count * rows * cols} unsigned bytes (0..255 when read with {@code & 0xFF})
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

    /**
     * Checks that the pixel array has exactly {@code count * rows * cols} elements.
     *
     * @param count  number of images, at least 0
     * @param rows   rows per image, at least 1
     * @param cols   columns per image, at least 1
     * @param pixels {@code count * rows * cols} unsigned bytes
     */
    public IdxImages {
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("bad dimensions: " + count + " images of " + rows + "x" + cols);
        }
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + rows + "x" + cols + " need "
                    + (long) count * rows * cols + " pixels, got " + pixels.length);
        }
    }
}
