package io.github.nn4j.benchmarks.pca;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.benchmarks.BackendUnderTest;
import io.github.nn4j.benchmarks.ForkSettings;
import io.github.nn4j.benchmarks.training.TrainingImages;
import io.github.nn4j.models.svm.PrincipalComponents;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import smile.feature.extraction.PCA;
import smile.math.matrix.Matrix;

/**
 * Fitting the app's PCA-64 baseline to the 56,000 training images (784 pixels scaled to [0, 1], FLOAT64), single
 * shot: nn4j's covariance route ({@link PrincipalComponents}: centring, {@code XᵀX} as FLOAT64 products on the
 * backend, a 784×784 symmetric eigendecomposition in Java, its residual check) on each backend, against what the
 * app did before, Smile's {@code PCA.fit} (an SVD of the centred 56,000 × 784 matrix in LAPACK, OpenBLAS).
 *
 * <p>The setup checks that Smile's first components agree with the covariance route's (each pair of axes
 * parallel to 1e-9), because the OpenBLAS build under Smile returns wrong decompositions with its SkylakeX kernels
 * (seen on Intel Sapphire Rapids): there, run with {@code OPENBLAS_CORETYPE=Haswell}, or the Smile column is
 * missing and the JMH log says why.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK})
public class PcaBenchmark {
    /** The {@code backend} value that selects Smile's SVD instead of the covariance route. */
    public static final String SMILE_SVD = "smile-svd";

    /** An nn4j backend for the covariance route, or {@value #SMILE_SVD}. */
    @Param({"pure", "jblas", "nd4j", SMILE_SVD})
    public String backend;

    /** Principal components kept. */
    @Param({"64"})
    public int components;

    private double[][] rows;
    private Backend covarianceBackend;

    /** Loads the images; for Smile, checks its components against the covariance route's on the pure backend. */
    @Setup
    public void setUp() {
        TrainingImages images = TrainingImages.load(TrainingImages.EPOCH_IMAGES);
        rows = new double[images.count()][images.width()];
        for (int i = 0; i < images.count(); i++) {
            for (int j = 0; j < images.width(); j++) {
                rows[i][j] = images.pixels()[i * images.width() + j];
            }
        }
        if (SMILE_SVD.equals(backend)) {
            checkSmileAgainst(PrincipalComponents.fit(BackendUnderTest.named("pure"), rows, components));
        } else {
            covarianceBackend = BackendUnderTest.named(backend);
        }
    }

    private void checkSmileAgainst(PrincipalComponents reference) {
        Matrix loadings = PCA.fit(rows).loadings();
        for (int c = 0; c < components; c++) {
            double[] axis = reference.axis(c);
            double dot = 0;
            for (int j = 0; j < axis.length; j++) {
                dot += axis[j] * loadings.get(j, c);
            }
            if (!(Math.abs(Math.abs(dot) - 1) < 1e-9)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "Smile's PCA component %d disagrees with "
                        + "the covariance route's (|cos| = %.6f): its LAPACK returned a wrong SVD; on Intel CPUs with "
                        + "AVX-512 set OPENBLAS_CORETYPE=Haswell", c, Math.abs(dot)));
            }
        }
    }

    /** One fit of the first {@link #components} principal axes. */
    @Benchmark
    public Object fit() {
        return SMILE_SVD.equals(backend) ? PCA.fit(rows).getProjection(components)
                : PrincipalComponents.fit(covarianceBackend, rows, components);
    }
}
