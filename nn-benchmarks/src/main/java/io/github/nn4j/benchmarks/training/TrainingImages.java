package io.github.nn4j.benchmarks.training;

import io.github.nn4j.datasets.LabeledImages;
import io.github.nn4j.datasets.TrainValidationSplit;
import io.github.nn4j.datasets.mnist.MnistDataset;
import io.github.nn4j.datasets.mnist.MnistFileSet;
import io.github.nn4j.datasets.mnist.MnistLoader;
import io.github.nn4j.datasets.mnist.MnistNotFoundException;
import io.github.nn4j.datasets.mnist.MnistPart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images the training benchmarks train on: the app's 56,000 MNIST training images (the official 60,000 minus a
 * stratified validation split of 4,000), pixels scaled to [0, 1], FLOAT32, row after row, with their labels.
 *
 * <p>MNIST is looked up like the app does ({@code NN4J_DATA}, then {@code ../shared/data/mnist} from the working
 * directory, then the user cache; never downloaded). When it is not found, the benchmarks fall back to the
 * same number of synthetic images drawn uniformly from [0, 1) with a fixed seed, labelled at random, and
 * {@link #source()} says so; the timing of dense layers does not depend on the values, only on the shapes. A damaged MNIST file
 * is an error, not a reason to fall back.
 *
 * @param pixels {@code count × width} values, image after image
 * @param labels each image's digit
 * @param count  number of images
 * @param width  pixels per image (784)
 * @param source where the images come from, for the report
 */
public record TrainingImages(float[] pixels, int[] labels, int count, int width, String source) {
    /** Images in one epoch of the app's training set. */
    public static final int EPOCH_IMAGES = 56_000;
    /** Pixels of an MNIST image. */
    public static final int WIDTH = 28 * 28;
    private static final int VALIDATION_IMAGES = 4_000;
    private static final long SPLIT_SEED = 234;
    private static final long SYNTHETIC_SEED = 234;
    private static final Logger LOG = LoggerFactory.getLogger(TrainingImages.class);

    /** Checks that the arrays hold {@code count × width} pixels and {@code count} labels. */
    public TrainingImages {
        if ((long) count * width != pixels.length || labels.length != count) {
            throw new IllegalArgumentException(count + " images of " + width + " pixels need " + (long) count * width
                    + " values and " + count + " labels, got " + pixels.length + " and " + labels.length);
        }
    }

    /**
     * The first {@code count} of the 56,000 training images (real MNIST if found, else synthetic).
     *
     * @throws UncheckedIOException if MNIST is found but cannot be read or fails its checksum
     */
    public static TrainingImages load(int count) {
        if (count < 1 || count > EPOCH_IMAGES) {
            throw new IllegalArgumentException("image count must be in 1.." + EPOCH_IMAGES + ", got " + count);
        }
        try {
            MnistFileSet files = MnistDataset.options().offline().locate();
            LabeledImages train = MnistLoader.loadPair(files.file(MnistPart.TRAIN_IMAGES),
                    files.file(MnistPart.TRAIN_LABELS));
            LabeledImages part = TrainValidationSplit.stratified(train, VALIDATION_IMAGES, SPLIT_SEED).train()
                    .head(count);
            String source = String.format(Locale.ROOT,
                    "MNIST training images from %s (%,d of the %,d left after a stratified split of %,d validation images)",
                    files.directory().path(), part.count(), train.count() - VALIDATION_IMAGES, VALIDATION_IMAGES);
            LOG.info("Autoencoder benchmark data: {}", source);
            return new TrainingImages(part.scaledPixels(), part.labels(), part.count(), part.pixelsPerImage(), source);
        } catch (MnistNotFoundException e) {
            LOG.warn("MNIST not found, the autoencoder benchmarks use synthetic images: {}", e.getMessage());
            return synthetic(count);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read MNIST for the autoencoder benchmarks: " + e.getMessage(), e);
        }
    }

    /** {@code count} synthetic images, uniform in [0, 1), from a fixed seed. */
    public static TrainingImages synthetic(int count) {
        SplittableRandom random = new SplittableRandom(SYNTHETIC_SEED);
        float[] px = new float[count * WIDTH];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) random.nextDouble();
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(10);
        }
        return new TrainingImages(px, labels, count, WIDTH, "synthetic images, uniform in [0, 1), labelled at random"
                + " (MNIST not found)");
    }

    /** Where the benchmarks' images would come from, without reading them; for the report. */
    public static String describeSource() {
        try {
            MnistFileSet files = MnistDataset.options().offline().locate();
            return String.format(Locale.ROOT,
                    "MNIST training images from %s (the %,d left after a stratified split of %,d validation images)",
                    files.directory().path(), EPOCH_IMAGES, VALIDATION_IMAGES);
        } catch (MnistNotFoundException e) {
            List<String> searched = e.getMessage().lines().filter(l -> l.startsWith("  ")).map(String::trim).toList();
            return "synthetic images of the same shape, uniform in [0, 1): MNIST was not found (searched "
                    + String.join("; ", searched) + "; set NN4J_DATA to its directory)";
        } catch (IOException e) {
            return "MNIST is damaged, the autoencoder benchmarks will fail: " + e.getMessage();
        }
    }
}
