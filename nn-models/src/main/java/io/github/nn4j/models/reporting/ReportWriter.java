package io.github.nn4j.models.reporting;

import io.github.nn4j.models.autoencoder.AutoencoderResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the reproduction report into a directory: {@value #REPORT}, {@value #METRICS}, {@value #LOSS_XOR},
 * {@value #LOSS_AE} (not when the autoencoder was loaded instead of trained), {@value #RECONSTRUCTIONS},
 * {@value #CONFUSION} and the autoencoder as {@value #MODEL}. Each file is written atomically.
 */
public final class ReportWriter {
    /** The Markdown report. */
    public static final String REPORT = "REPORT.md";
    /** Every number, as JSON. */
    public static final String METRICS = "metrics.json";
    /** XOR loss per epoch. */
    public static final String LOSS_XOR = "loss-xor.png";
    /** Autoencoder training and validation loss per epoch. */
    public static final String LOSS_AE = "loss-ae.png";
    /** Test digits over their reconstructions. */
    public static final String RECONSTRUCTIONS = "reconstructions.png";
    /** The latent SVM's confusion matrix on the test images. */
    public static final String CONFUSION = "confusion-matrix.png";
    /** The trained autoencoder, a safetensors model file (nn-api's {@code ModelFiles}). */
    public static final String MODEL = "autoencoder.safetensors";
    /** Every file this writer produces. */
    public static final List<String> FILES = List.of(REPORT, METRICS, LOSS_XOR, LOSS_AE, RECONSTRUCTIONS, CONFUSION,
            MODEL);

    private ReportWriter() {
    }

    /** Writes all files into {@code dir} (created if needed). */
    public static void write(ReproductionReport report, Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(LOSS_XOR), LossChart.png("XOR: training loss (MSE)", "loss",
                List.of(LossSeries.perEpoch("training loss", report.xor().history().losses())), true));
        AutoencoderResult ae = report.mnist().autoencoder();
        AtomicFiles.write(dir.resolve(MODEL), ae.model().bytes());
        if (!ae.model().loaded()) {
            AtomicFiles.write(dir.resolve(LOSS_AE), LossChart.png(
                    "MNIST autoencoder: loss per epoch (squared error summed over 784 pixels, mean over images)",
                    "loss per image",
                    List.of(LossSeries.perEpoch("training (mean over the epoch's batches)", ae.history().losses()),
                            LossSeries.perEpoch("validation (after the epoch)", ae.history().validationLosses())),
                    false));
        }
        AtomicFiles.write(dir.resolve(RECONSTRUCTIONS), ReconstructionFigure.png(ae.samples()));
        AtomicFiles.write(dir.resolve(CONFUSION), ConfusionMatrixChart.png(String.format(java.util.Locale.ROOT,
                "SVM on the latent codes: test confusion matrix (accuracy %.4f)", report.mnist().latentSvm()
                        .testAccuracy()), report.mnist().latentSvm().test()));
        AtomicFiles.write(dir.resolve(METRICS), JsonWriter.write(ReportMetrics.of(report)));
        AtomicFiles.write(dir.resolve(REPORT), ReportMarkdown.render(report));
    }
}
