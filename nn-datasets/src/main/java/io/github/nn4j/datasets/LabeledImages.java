package io.github.nn4j.datasets;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.datasets.idx.IdxImages;
import java.util.Objects;

/**
 * Grey-scale images with a class label each, held as the original unsigned bytes (a quarter of the
 * memory of floats). Immutable: the arrays are copied in and never handed out.
 *
 * <p>{@link #images(Backend)} and {@link #oneHotLabels(Backend)} turn them into the tensors a network trains on:
 * one row per image, pixels scaled to {@code [0, 1]}, and one row of {@link #numClasses()} targets per label.
 * Thread-safe (immutable).
 */
public final class LabeledImages {
    private final int count;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final byte[] labels;
    private final int numClasses;

    /**
     * @param images     the images
     * @param labels     one label per image, each in {@code [0, numClasses)}
     * @param numClasses number of classes
     */
    public LabeledImages(IdxImages images, byte[] labels, int numClasses) {
        this(images.count(), images.rows(), images.cols(), images.pixels().clone(), labels.clone(), numClasses);
    }

    private LabeledImages(int count, int rows, int cols, byte[] pixels, byte[] labels, int numClasses) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (labels.length != count) {
            throw new IllegalArgumentException(count + " images but " + labels.length + " labels");
        }
        if (numClasses <= 0 || numClasses > 256) {
            throw new IllegalArgumentException("numClasses must be in 1..256: " + numClasses);
        }
        for (int i = 0; i < count; i++) {
            int label = labels[i] & 0xFF;
            if (label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " of image " + i + " is not in [0, "
                        + numClasses + ")");
            }
        }
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
        this.numClasses = numClasses;
    }

    /** {@return the number of images} */
    public int count() {
        return count;
    }

    /** {@return the rows of an image} */
    public int rows() {
        return rows;
    }

    /** {@return the columns of an image} */
    public int cols() {
        return cols;
    }

    /** {@return the pixels of an image ({@code rows * cols})} */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** {@return the number of classes; every label is in {@code [0, numClasses)}} */
    public int numClasses() {
        return numClasses;
    }

    /**
     * The label of one image.
     *
     * @param i the image's index
     * @return its class
     */
    public int label(int i) {
        return labels[Objects.checkIndex(i, count)] & 0xFF;
    }

    /** {@return all labels, in image order, as a new array} */
    public int[] labels() {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = labels[i] & 0xFF;
        }
        return out;
    }

    /**
     * One pixel.
     *
     * @param i the image's index
     * @param p the pixel's index in the image, row-major
     * @return its value, 0..255
     */
    public int pixel(int i, int p) {
        Objects.checkIndex(i, count);
        return pixels[i * pixelsPerImage() + Objects.checkIndex(p, pixelsPerImage())] & 0xFF;
    }

    /** {@return all pixels scaled to {@code [0, 1]} ({@code value / 255}), image after image, row-major} */
    public float[] scaledPixels() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (pixels[i] & 0xFF) / 255f;
        }
        return out;
    }

    /**
     * The images as a FLOAT32 tensor of shape {@code [count, rows * cols]} on {@code backend}: one row per image,
     * row-major pixels scaled to {@code [0, 1]} ({@code value / 255}). The caller owns (and closes) the tensor.
     *
     * @param backend the backend that creates the tensor
     * @return a new tensor
     * @throws IllegalArgumentException if there are no images (a tensor cannot be empty)
     */
    public Tensor images(Backend backend) {
        return images(backend, DType.FLOAT32);
    }

    /**
     * As {@link #images(Backend)}, in {@code dtype}.
     *
     * @param backend the backend that creates the tensor
     * @param dtype   the element type
     * @return a new tensor of shape {@code [count, rows * cols]}
     * @throws IllegalArgumentException if there are no images
     */
    public Tensor images(Backend backend, DType dtype) {
        Shape shape = Shape.matrix(requireImages(), pixelsPerImage());
        if (dtype == DType.FLOAT32) {
            return backend.fromArray(scaledPixels(), shape);
        }
        double[] out = new double[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (pixels[i] & 0xFF) / 255.0;
        }
        return backend.fromArray(dtype, out, shape);
    }

    /**
     * The labels as one-hot targets: a FLOAT32 tensor of shape {@code [count, numClasses]} whose row {@code i} is 1
     * in column {@link #label(int) label(i)} and 0 elsewhere (see {@link OneHot}). The caller owns the tensor.
     *
     * @param backend the backend that creates the tensor
     * @return a new tensor
     * @throws IllegalArgumentException if there are no images
     */
    public Tensor oneHotLabels(Backend backend) {
        return oneHotLabels(backend, DType.FLOAT32);
    }

    /**
     * As {@link #oneHotLabels(Backend)}, in {@code dtype}.
     *
     * @param backend the backend that creates the tensor
     * @param dtype   the element type
     * @return a new tensor of shape {@code [count, numClasses]}
     * @throws IllegalArgumentException if there are no images
     */
    public Tensor oneHotLabels(Backend backend, DType dtype) {
        requireImages();
        return OneHot.encode(backend, dtype, labels(), numClasses);
    }

    private int requireImages() {
        if (count == 0) {
            throw new IllegalArgumentException("no images: a tensor needs at least one row (" + this + ")");
        }
        return count;
    }

    /** {@return all pixels scaled to {@code [0, 1]}, one {@code double[]} per image (the layout Smile wants)} */
    public double[][] scaledPixelRows() {
        int d = pixelsPerImage();
        double[][] out = new double[count][d];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < d; p++) {
                out[i][p] = (pixels[i * d + p] & 0xFF) / 255.0;
            }
        }
        return out;
    }

    /** {@return how many images each class has, by class} */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int i = 0; i < count; i++) {
            counts[labels[i] & 0xFF]++;
        }
        return counts;
    }

    /**
     * A subset.
     *
     * @param indices image indices, any order, repeats allowed
     * @return the images at {@code indices}, in that order
     */
    public LabeledImages select(int[] indices) {
        int d = pixelsPerImage();
        byte[] px = new byte[indices.length * d];
        byte[] lb = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = Objects.checkIndex(indices[k], count);
            System.arraycopy(pixels, i * d, px, k * d, d);
            lb[k] = labels[i];
        }
        return new LabeledImages(indices.length, rows, cols, px, lb, numClasses);
    }

    /**
     * The first images.
     *
     * @param n how many
     * @return the first {@code n} images (all of them if there are fewer)
     */
    public LabeledImages head(int n) {
        int m = Math.min(n, count);
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        return select(idx);
    }

    @Override
    public String toString() {
        return count + " images of " + rows + "x" + cols + ", " + numClasses + " classes";
    }
}
