package io.github.nn4j.models.reproduce;

import io.github.nn4j.models.autoencoder.AutoencoderResult;
import io.github.nn4j.models.classifier.ClassifierResult;
import io.github.nn4j.models.svm.SvmResult;

/**
 * What the MNIST pipeline measured.
 *
 * @param trainImages      images the autoencoder and the SVMs were trained on
 * @param validationImages images used to choose the SVM's hyper-parameters
 * @param testImages       images everything was tested on
 * @param autoencoder      the autoencoder's training and errors
 * @param latentSvm        the SVM on the autoencoder's latent codes
 * @param pcaSeconds       wall time of fitting the PCA and projecting every image
 * @param pcaSvm           the same SVM procedure on PCA features of the raw pixels
 * @param classifier       our addition: the supervised MLP on the raw pixels
 */
public record MnistPipelineResult(int trainImages, int validationImages, int testImages,
        AutoencoderResult autoencoder, SvmResult latentSvm, double pcaSeconds, SvmResult pcaSvm,
        ClassifierResult classifier) {
}
