package io.github.nn4j.models.svm;

import io.github.nn4j.models.mnist.LabeledImages;
import io.github.nn4j.models.mnist.TrainValidationSplit;
import java.util.concurrent.atomic.AtomicReference;
import smile.feature.extraction.PCA;

/**
 * The honest baseline for the autoencoder's latent codes: the projection of the raw pixels (scaled to
 * [0, 1]) onto their first {@code k} principal components, fitted with Smile's PCA on the training images
 * only. It answers whether a non-linear 64-d code beats the best linear 64-d projection.
 *
 * <p>Smile's PCA runs a LAPACK SVD in native OpenBLAS code on the calling thread. Such calls have been
 * reported to crash the JVM without an error file when OpenBLAS ran multi-threaded, cured by a larger thread
 * stack ({@code -Xss16m}). We could not reproduce that with the single OpenBLAS build this module ships (a
 * 56,000 × 784 PCA on the main thread with the default stack completed), but a guard is cheap: the fit runs
 * on a thread of its own with a {@value #STACK_BYTES}-byte stack (reserved, not committed), whatever the
 * launcher's {@code -Xss}.
 */
public final class PcaFeatures {
    /** Stack size of the thread that runs the native SVD. */
    public static final long STACK_BYTES = 256L << 20;

    private PcaFeatures() {
    }

    /** Projects training, validation and test images onto the first {@code components} principal axes. */
    public static FeatureSet project(TrainValidationSplit split, LabeledImages test, int components) {
        double[][] train = split.train().scaledPixelRows();
        if (components < 1 || components > train[0].length) {
            throw new IllegalArgumentException("components must be in 1.." + train[0].length + ", got " + components);
        }
        PCA pca = onLargeStack(() -> PCA.fit(train).getProjection(components));
        return new FeatureSet(
                project(pca, train), split.train().labels(),
                project(pca, split.validation().scaledPixelRows()), split.validation().labels(),
                project(pca, test.scaledPixelRows()), test.labels());
    }

    private static double[][] project(PCA pca, double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = pca.apply(x[i]);
        }
        return out;
    }

    private static <T> T onLargeStack(java.util.function.Supplier<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.set(task.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "pca-fit", STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the PCA fit", e);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return result.get();
    }
}
