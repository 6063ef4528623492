package io.github.nn4j.models.reporting;

import io.github.nn4j.models.autoencoder.AutoencoderResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the reproduction report into a directory: {@value #REPORT}, {@value #METRICS}, {@value #LOSS_XOR},
 * {@value #LOSS_AE} (not when the autoencoder was loaded instead of trained), {@value #RECONSTRUCTIONS},
 * {@value #CONFUSION} and the autoencoder as {@value #MODEL}. The directory is replaced as a whole
 * ({@link ReportDirectory}): it holds either the previous report or the new one, never a mix.
 *
 * <p>Where no text can be drawn ({@link ChartFonts}), the three charts are left out and the reconstructions are
 * drawn without labels; {@value #REPORT} says so at the top and where each chart would be, and
 * {@value #METRICS} records it. Everything else is written as usual.
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
    /** The files that need text drawn, left out where it cannot be. */
    public static final List<String> CHARTS = List.of(LOSS_XOR, LOSS_AE, CONFUSION);

    private ReportWriter() {
    }

    /**
     * What was written.
     *
     * @param directory where
     * @param files     the names of the files written, in {@link #FILES} order
     * @param fonts     whether the charts could be drawn, and with which fonts
     */
    public record Written(Path directory, List<String> files, ChartFonts.Status fonts) {
        /** Copies the list. */
        public Written {
            files = List.copyOf(files);
        }

        /** The same files, in {@code dir} (where they were moved to). */
        public Written withDirectory(Path dir) {
            return new Written(dir, files, fonts);
        }
    }

    /**
     * Replaces {@code dir} (created if needed; it must hold nothing but a report) with the report.
     *
     * @throws IOException if the directory cannot be used or written; the previous report is then unchanged
     */
    public static Written write(ReproductionReport report, Path dir) throws IOException {
        try (ReportDirectory out = ReportDirectory.prepare(dir, null)) {
            return out.write(report);
        }
    }

    /** Writes the files into the empty directory {@code dir}, drawing the charts only if {@code fonts} is usable. */
    static Written writeFiles(ReproductionReport report, Path dir, ChartFonts.Status fonts) throws IOException {
        List<String> written = new ArrayList<>();
        boolean charts = fonts.usable();
        AutoencoderResult ae = report.mnist().autoencoder();
        put(dir, MODEL, ae.model().bytes(), written);
        if (charts) {
            put(dir, LOSS_XOR, LossChart.png("XOR: training loss (MSE)", "loss",
                    List.of(LossSeries.perEpoch("training loss", report.xor().history().losses())), true), written);
        }
        if (charts && !ae.model().loaded()) {
            put(dir, LOSS_AE, LossChart.png(
                    "MNIST autoencoder: loss per epoch (squared error summed over 784 pixels, mean over images)",
                    "loss per image",
                    List.of(LossSeries.perEpoch("training (mean over the epoch's batches)", ae.history().losses()),
                            LossSeries.perEpoch("validation (after the epoch)", ae.history().validationLosses())),
                    false), written);
        }
        put(dir, RECONSTRUCTIONS, ReconstructionFigure.png(ae.samples(), charts), written);
        if (charts) {
            put(dir, CONFUSION, ConfusionMatrixChart.png(String.format(Locale.ROOT,
                    "SVM on the latent codes: test confusion matrix (accuracy %.4f)", report.mnist().latentSvm()
                            .testAccuracy()), report.mnist().latentSvm().test()), written);
        }
        put(dir, METRICS, JsonWriter.write(ReportMetrics.of(report, fonts)).getBytes(StandardCharsets.UTF_8), written);
        put(dir, REPORT, ReportMarkdown.render(report, fonts).getBytes(StandardCharsets.UTF_8), written);
        written.sort((a, b) -> Integer.compare(FILES.indexOf(a), FILES.indexOf(b)));
        return new Written(dir, written, fonts);
    }

    /** Writes a new file and flushes it to disk, so that the directory swapped in later holds it whole. */
    static void put(Path dir, String name, byte[] data, List<String> written) throws IOException {
        try (FileChannel out = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(data);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        written.add(name);
    }
}
