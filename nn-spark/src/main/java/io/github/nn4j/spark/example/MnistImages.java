package io.github.nn4j.spark.example;

import io.github.nn4j.datasets.LabeledImages;
import java.io.Serializable;

/**
 * MNIST-layout images and labels as raw bytes: the compact form in which the example ships images from the driver
 * to the executors (a quarter of the size of the scaled floats). The files are read, verified and located by
 * nn-datasets ({@link io.github.nn4j.datasets.mnist.MnistDataset}).
 *
 * @param count  number of images
 * @param rows   rows per image
 * @param cols   columns per image
 * @param pixels {@code count * rows * cols} unsigned bytes, image after image, row-major
 * @param labels one class per image
 */
public record MnistImages(int count, int rows, int cols, byte[] pixels, byte[] labels) implements Serializable {

    /**
     * The first {@code limit} images of {@code set} (all of them when it has fewer).
     *
     * @param set   images read by nn-datasets
     * @param limit most images to take
     * @return their bytes
     */
    public static MnistImages of(LabeledImages set, int limit) {
        int n = Math.min(limit, set.count());
        int d = set.pixelsPerImage();
        byte[] pixels = new byte[n * d];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d; p++) {
                pixels[i * d + p] = (byte) set.pixel(i, p);
            }
            labels[i] = (byte) set.label(i);
        }
        return new MnistImages(n, set.rows(), set.cols(), pixels, labels);
    }

    /** Pixels per image. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** Image {@code i}'s pixels scaled to [0, 1] ({@code value / 255}). */
    public float[] scaled(int i) {
        int d = pixelsPerImage();
        float[] out = new float[d];
        for (int p = 0; p < d; p++) {
            out[p] = (pixels[i * d + p] & 0xFF) / 255f;
        }
        return out;
    }

    /** All images' pixels scaled to [0, 1], image after image. */
    public float[] scaled() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (pixels[i] & 0xFF) / 255f;
        }
        return out;
    }

    /** Image {@code i}'s class. */
    public int label(int i) {
        return labels[i];
    }
}
