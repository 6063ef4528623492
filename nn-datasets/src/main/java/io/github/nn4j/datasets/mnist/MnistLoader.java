package io.github.nn4j.datasets.mnist;

import io.github.nn4j.datasets.LabeledImages;
import io.github.nn4j.datasets.idx.IdxFormatException;
import io.github.nn4j.datasets.idx.IdxImages;
import io.github.nn4j.datasets.idx.IdxReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a verified {@link MnistFileSet} into memory, checking what the IDX format alone cannot: that an
 * image file and its label file have the same count, that every label is a digit, and that training and
 * test images have the same size.
 */
public final class MnistLoader {
    private MnistLoader() {
    }

    /**
     * Reads all four files.
     *
     * @param files the verified files
     * @return the training and test sets
     * @throws IdxFormatException if a file is malformed, counts differ, a label is not a digit, or the training and
     *                            test images differ in size
     * @throws IOException        if a file cannot be read
     */
    public static Mnist load(MnistFileSet files) throws IOException {
        LabeledImages train = loadPair(files.file(MnistPart.TRAIN_IMAGES), files.file(MnistPart.TRAIN_LABELS));
        LabeledImages test = loadPair(files.file(MnistPart.TEST_IMAGES), files.file(MnistPart.TEST_LABELS));
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IdxFormatException(files.file(MnistPart.TEST_IMAGES), "test images are " + test.rows() + "x"
                    + test.cols() + " but training images are " + train.rows() + "x" + train.cols());
        }
        return new Mnist(train, test);
    }

    /**
     * Reads one image file and its label file.
     *
     * @param imagesFile an IDX image file
     * @param labelsFile the IDX label file that goes with it
     * @return the images with their labels
     * @throws IdxFormatException if either file is malformed, the counts differ, or a label is not in 0..9
     */
    public static LabeledImages loadPair(Path imagesFile, Path labelsFile) throws IOException {
        IdxImages images = IdxReader.readImages(imagesFile);
        byte[] labels = IdxReader.readLabels(labelsFile);
        if (images.count() != labels.length) {
            throw new IdxFormatException(labelsFile, "count mismatch: " + labels.length + " labels, but "
                    + imagesFile + " has " + images.count() + " images");
        }
        int header = IdxReader.headerBytes(1);
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= Mnist.CLASSES) {
                throw new IdxFormatException(labelsFile, "label " + label + " at offset " + (header + i)
                        + " (item " + i + ") is not a digit 0..9; data sets in MNIST's layout have labels 0 to 9 only");
            }
        }
        return new LabeledImages(images, labels, Mnist.CLASSES);
    }
}
