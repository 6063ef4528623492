package io.github.nn4j.models.reproduce;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.datasets.LabeledImages;
import io.github.nn4j.datasets.TrainValidationSplit;
import io.github.nn4j.datasets.mnist.Mnist;
import io.github.nn4j.models.autoencoder.AutoencoderExperiment;
import io.github.nn4j.models.autoencoder.AutoencoderModel;
import io.github.nn4j.models.autoencoder.AutoencoderResult;
import io.github.nn4j.models.classifier.ClassifierExperiment;
import io.github.nn4j.models.classifier.ClassifierResult;
import io.github.nn4j.models.svm.FeatureSet;
import io.github.nn4j.models.svm.PcaFeatures;
import io.github.nn4j.models.svm.SvmExperiment;
import io.github.nn4j.models.svm.SvmResult;
import java.util.List;

/**
 * The report's MNIST experiment and our baseline, in order:
 * <ol>
 *   <li>train the autoencoder on the training images (or take a saved one) and encode every image (its 64-d latent
 *       code);</li>
 *   <li>SVM on the latent codes: grid on the validation images, final fit on the training images, test;</li>
 *   <li>the same SVM procedure on the projection of the raw pixels onto their first 64 principal
 *       components;</li>
 *   <li>our addition: a supervised MLP on the raw pixels ({@link ClassifierExperiment}).</li>
 * </ol>
 */
public final class MnistPipeline {
    /** Name of the latent-code features in results. */
    public static final String LATENT = "autoencoder latent";
    /** Name prefix of the PCA features in results. */
    public static final String PCA = "PCA";
    /** Name of our addition in results. */
    public static final String CLASSIFIER = "supervised MLP 784-256-128-10 on the raw pixels";

    private MnistPipeline() {
    }

    /** Runs the pipeline on the given split and test images, training the autoencoder. */
    public static MnistPipelineResult run(Backend backend, TrainValidationSplit split, LabeledImages test,
            MnistPipelineSettings settings, MnistPipelineListener listener) {
        return run(backend, split, test, settings, listener, null);
    }

    /** Runs the pipeline with the autoencoder saved in {@code pretrained}, or trains one when it is {@code null}. */
    public static MnistPipelineResult run(Backend backend, TrainValidationSplit split, LabeledImages test,
            MnistPipelineSettings settings, MnistPipelineListener listener, AutoencoderModel pretrained) {
        listener.phase(pretrained == null ? "autoencoder" : "autoencoder (loaded from " + pretrained.loadedFrom() + ")");
        AutoencoderResult ae = new AutoencoderExperiment(backend, settings.autoencoder(),
                List.of(listener.training())).run(split, test, pretrained);

        String latentName = LATENT + " (" + ae.codes().dimension() + ")";
        listener.phase("SVM on the " + latentName);
        SvmResult latent = new SvmExperiment(backend, settings.svm(), listener.svm(latentName))
                .run(latentName, ae.codes(), Mnist.CLASSES);

        String pcaName = PCA + "-" + settings.pcaComponents();
        listener.phase(pcaName + " projection of the raw pixels");
        long start = System.nanoTime();
        FeatureSet pcaFeatures = PcaFeatures.project(backend, split, test, settings.pcaComponents());
        double pcaSeconds = (System.nanoTime() - start) / 1e9;
        listener.phase("SVM on " + pcaName);
        SvmResult pca = new SvmExperiment(backend, settings.svm(), listener.svm(pcaName))
                .run(pcaName, pcaFeatures, Mnist.CLASSES);

        listener.phase(CLASSIFIER + " (our addition)");
        ClassifierResult classifier = new ClassifierExperiment(backend, settings.classifier(),
                List.of(listener.classifierTraining())).run(split, test);

        return new MnistPipelineResult(split.train().count(), split.validation().count(), test.count(), ae, latent,
                pcaSeconds, pca, classifier);
    }
}
