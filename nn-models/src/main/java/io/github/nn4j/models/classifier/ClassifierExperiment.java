package io.github.nn4j.models.classifier;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Normalization;
import io.github.nn4j.api.loss.SoftmaxCrossEntropy;
import io.github.nn4j.api.metric.Accuracy;
import io.github.nn4j.api.metric.ConfusionMatrix;
import io.github.nn4j.api.network.EarlyStopping;
import io.github.nn4j.api.network.Evaluation;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.network.TrainingListener;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.datasets.LabeledImages;
import io.github.nn4j.datasets.TrainValidationSplit;
import io.github.nn4j.datasets.files.Sha256;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains {@link MnistClassifier} on the training images (pixels scaled to [0, 1], standardized by the network's first
 * layer with the training images' mean and standard deviation; integer labels), measures the
 * validation accuracy after every epoch and stops early when it has not improved for {@code patience} epochs (the
 * best epoch's weights are kept), then measures the test images: loss, accuracy, confusion matrix.
 */
public final class ClassifierExperiment {
    /** The validation and test metric. */
    public static final Accuracy ACCURACY = new Accuracy();
    /** Rows per forward pass when measuring. */
    private static final int EVALUATION_BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierExperiment.class);

    private final Backend backend;
    private final ClassifierSettings settings;
    private final List<TrainingListener> listeners;

    /**
     * An experiment.
     *
     * @param backend   where to compute
     * @param settings  the recipe
     * @param listeners progress observers (e.g. a console progress bar)
     */
    public ClassifierExperiment(Backend backend, ClassifierSettings settings, List<TrainingListener> listeners) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains and measures.
     *
     * @param split the training and validation images
     * @param test  the test images
     * @return what was measured, and the trained model
     */
    public ClassifierResult run(TrainValidationSplit split, LabeledImages test) {
        LabeledImages train = split.train();
        int classes = train.numClasses();
        int batch = Math.min(settings.batchSize(), train.count());
        int batchesPerEpoch = (train.count() + batch - 1) / batch;
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        try (Tensor xTrain = train.images(backend); Tensor yTrain = labels(train);
                Tensor xVal = split.validation().images(backend); Tensor yVal = labels(split.validation());
                Tensor xTest = test.images(backend); Tensor yTest = labels(test);
                Network network = MnistClassifier.network(backend, train.pixelsPerImage(), classes, settings,
                        Normalization.fitTo(xTrain));
                Sgd sgd = MnistClassifier.optimizer(settings, batchesPerEpoch);
                EarlyStopping stopping = EarlyStopping.builder(network).monitor(ACCURACY)
                        .patience(settings.patience()).build()) {
            TrainingConfig.Builder config = TrainingConfig.builder(settings.epochs()).batchSize(batch)
                    .seed(settings.seed()).validation(xVal, yVal).validationMetrics(ACCURACY).listener(stopping);
            listeners.forEach(config::listener);
            LOG.info("Training {} on {} images, {}, {}, backend {}", network, train.count(), settings, sgd,
                    backend.name());
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = processCpuNanos(os);
            long start = System.nanoTime();
            TrainingHistory history = network.fit(xTrain, yTrain, loss, sgd, config.build());
            double fitSeconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos(os) - cpuStart) / 1e9;
            double load = os.getSystemLoadAverage();

            Evaluation testEvaluation = network.evaluate(xTest, yTest, loss, EVALUATION_BATCH, List.of(ACCURACY));
            ConfusionMatrix confusion = new ConfusionMatrix(classes);
            try (Tensor scores = network.predict(xTest, EVALUATION_BATCH)) {
                confusion.add(scores, yTest);
            }
            LOG.info("Classifier: best validation accuracy {} after epoch {}, test accuracy {}", stopping.bestValue(),
                    stopping.bestEpoch(), testEvaluation.metric(ACCURACY.name()));
            byte[] model = ModelFiles.toBytes(network);
            return new ClassifierResult(settings, backend.name(), history, stopping.bestEpoch(), stopping.stoppedEpoch(),
                    fitSeconds, cpuSeconds, load, stopping.bestValue(), testEvaluation.loss(),
                    testEvaluation.metric(ACCURACY.name()), confusion, model, sha256(model));
        }
    }

    private static String sha256(byte[] bytes) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(bytes);
        return Sha256.hex(digest);
    }

    /** The JVM's CPU time, all threads, or 0 where the platform does not report it. */
    private static long processCpuNanos(OperatingSystemMXBean os) {
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }

    /** The labels as a {@code [n, 1]} column, as the softmax cross-entropy and the accuracy take them. */
    private Tensor labels(LabeledImages set) {
        int[] labels = set.labels();
        double[] column = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            column[i] = labels[i];
        }
        return backend.fromArray(DType.FLOAT32, column, Shape.matrix(labels.length, 1));
    }
}
