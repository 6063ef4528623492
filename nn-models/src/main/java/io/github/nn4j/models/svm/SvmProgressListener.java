package io.github.nn4j.models.svm;

/** Observes the training of a {@link OneVsOneRbfSvm}; called from worker threads, so keep it thread-safe. */
@FunctionalInterface
public interface SvmProgressListener {
    /** A listener that ignores every event. */
    SvmProgressListener NONE = (done, total) -> {
    };

    /** {@code done} of the {@code total} binary machines are trained. */
    void machinesTrained(int done, int total);
}
