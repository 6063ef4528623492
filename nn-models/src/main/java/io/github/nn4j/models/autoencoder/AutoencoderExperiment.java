package io.github.nn4j.models.autoencoder;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.network.TrainingListener;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.datasets.LabeledImages;
import io.github.nn4j.datasets.TrainValidationSplit;
import io.github.nn4j.models.svm.FeatureSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's autoencoder experiment: train {@link MnistAutoencoder#standard} on the training images (pixels
 * scaled to [0, 1]), watch the loss on the validation images after every epoch, measure the reconstruction
 * error on the test images, and encode every image into its 64-d latent code for the SVM.
 */
public final class AutoencoderExperiment {
    private static final Logger LOG = LoggerFactory.getLogger(AutoencoderExperiment.class);

    private final Backend backend;
    private final AutoencoderSettings settings;
    private final List<TrainingListener> listeners;

    /**
     * @param backend   where to compute
     * @param settings  epochs, batch size, learning rate, seed
     * @param listeners progress observers (e.g. a console progress bar)
     */
    public AutoencoderExperiment(Backend backend, AutoencoderSettings settings, List<TrainingListener> listeners) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listeners = List.copyOf(listeners);
    }

    /** Runs the experiment: trains the autoencoder, then measures and encodes. */
    public AutoencoderResult run(TrainValidationSplit split, LabeledImages test) {
        return run(split, test, null);
    }

    /**
     * Runs the experiment with the autoencoder saved in {@code pretrained} instead of training one (when it is not
     * {@code null}): the same measurements and codes, no training, an empty history.
     *
     * @throws UncheckedIOException wrapping the {@code ModelFormatException} of a file that does not hold an
     *                              autoencoder ({@link AutoencoderModel#read} checks that beforehand)
     */
    public AutoencoderResult run(TrainValidationSplit split, LabeledImages test, AutoencoderModel pretrained) {
        LabeledImages train = split.train();
        LabeledImages validation = split.validation();
        int d = train.pixelsPerImage();
        try (Tensor xTrain = images(train);
                Tensor xVal = images(validation);
                Tensor xTest = images(test);
                MnistAutoencoder ae = pretrained == null ? new MnistAutoencoder(backend, d, 128, 64, settings.seed())
                        : load(pretrained)) {
            TrainingHistory history = new TrainingHistory(List.of());
            double seconds = 0;
            AutoencoderModel model = pretrained;
            if (pretrained == null) {
                TrainingConfig.Builder config = TrainingConfig.builder(settings.epochs())
                        .batchSize(settings.batchSize())
                        .seed(settings.seed())
                        .validation(xVal, xVal);
                listeners.forEach(config::listener);
                LOG.info("Training {} on {} images of {} pixels, {}, backend {}", ae, train.count(), d, settings,
                        backend.name());
                long start = System.nanoTime();
                history = ae.train(xTrain, settings.learningRate(), config.build());
                seconds = (System.nanoTime() - start) / 1e9;
                model = AutoencoderModel.of(ae.network());
            } else {
                LOG.info("Using {} from {} (SHA-256 {}), not training", ae, pretrained.loadedFrom(), pretrained.sha256());
            }

            ReconstructionError trainError = ae.reconstructionError(xTrain);
            ReconstructionError testError = ae.reconstructionError(xTest);
            LOG.info("Autoencoder test error {} per image, {} per pixel", testError.perImageSum(),
                    testError.perPixelMean());
            FeatureSet codes = new FeatureSet(
                    encode(ae, xTrain), train.labels(),
                    encode(ae, xVal), validation.labels(),
                    encode(ae, xTest), test.labels());
            ReconstructionSamples samples = samples(ae, test);
            return new AutoencoderResult(settings, backend.name(), history, seconds, trainError, testError, codes,
                    samples, model);
        }
    }

    private MnistAutoencoder load(AutoencoderModel model) {
        try {
            return MnistAutoencoder.load(model, backend);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Tensor images(LabeledImages set) {
        return backend.fromArray(set.scaledPixels(), Shape.matrix(set.count(), set.pixelsPerImage()));
    }

    private static double[][] encode(MnistAutoencoder ae, Tensor images) {
        try (Tensor codes = ae.encode(images)) {
            return rows(codes.toDoubleArray(), codes.rows(), codes.cols());
        }
    }

    private static double[][] rows(double[] flat, int n, int d) {
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    /** The first test image of each digit, in digit order, and its reconstruction. */
    private ReconstructionSamples samples(MnistAutoencoder ae, LabeledImages test) {
        int[] first = new int[test.numClasses()];
        Arrays.fill(first, -1);
        for (int i = 0; i < test.count(); i++) {
            if (first[test.label(i)] < 0) {
                first[test.label(i)] = i;
            }
        }
        LabeledImages subset = test.select(Arrays.stream(first).filter(i -> i >= 0).toArray());
        int d = subset.pixelsPerImage();
        float[] originals = subset.scaledPixels();
        float[] reconstructed;
        try (Tensor x = backend.fromArray(originals, Shape.matrix(subset.count(), d));
                Tensor r = ae.reconstruct(x)) {
            reconstructed = r.toFloatArray();
        }
        float[][] o = new float[subset.count()][];
        float[][] rc = new float[subset.count()][];
        for (int i = 0; i < subset.count(); i++) {
            o[i] = Arrays.copyOfRange(originals, i * d, (i + 1) * d);
            rc[i] = Arrays.copyOfRange(reconstructed, i * d, (i + 1) * d);
        }
        return new ReconstructionSamples(subset.rows(), subset.cols(), subset.labels(), o, rc);
    }
}
