package io.github.nn4j.models.reproduce;

import io.github.nn4j.api.network.TrainingListener;
import io.github.nn4j.models.svm.SvmExperimentListener;

/**
 * Observes a {@link MnistPipeline}: the autoencoder's training, each SVM experiment, and the phases in
 * between. The defaults ignore everything.
 */
public interface MnistPipelineListener {
    /** A listener that ignores every event. */
    MnistPipelineListener NONE = new MnistPipelineListener() {
    };

    /** A phase starts, e.g. {@code "PCA-64 baseline"}. */
    default void phase(String description) {
    }

    /** Receives the autoencoder's training events. */
    default TrainingListener training() {
        return new TrainingListener() {
        };
    }

    /** Receives the supervised classifier's training events. */
    default TrainingListener classifierTraining() {
        return new TrainingListener() {
        };
    }

    /** Receives the events of the SVM experiment on the features called {@code name}. */
    default SvmExperimentListener svm(String name) {
        return SvmExperimentListener.NONE;
    }
}
