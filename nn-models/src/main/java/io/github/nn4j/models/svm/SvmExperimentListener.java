package io.github.nn4j.models.svm;

/**
 * Observes an {@link SvmExperiment}. Methods may be called from worker threads; the defaults do nothing.
 */
public interface SvmExperimentListener {
    /** A listener that ignores every event. */
    SvmExperimentListener NONE = new SvmExperimentListener() {
    };

    /** Grid candidate {@code index} (1-based) of {@code total} has been evaluated. */
    default void gridPointDone(int index, int total, GridPoint point) {
    }

    /** The final fit on all training vectors has trained {@code done} of {@code total} binary machines. */
    default void finalFitProgress(int done, int total) {
    }
}
