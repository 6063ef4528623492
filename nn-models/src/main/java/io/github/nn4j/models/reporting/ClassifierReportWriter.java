package io.github.nn4j.models.reporting;

import io.github.nn4j.models.classifier.ClassifierResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code ./nn4j classify}'s report into a directory: {@value #REPORT}, {@value #METRICS}, {@value #LOSS},
 * {@value #ACCURACY}, {@value #CONFUSION} and the trained network as {@value #MODEL}; replaced as a whole, as the
 * reproduction report is ({@link ReportDirectory}). Where no text can be drawn, the charts are left out and the
 * report says so.
 */
public final class ClassifierReportWriter {
    /** The Markdown report. */
    public static final String REPORT = ReportWriter.REPORT;
    /** Every number, as JSON; {@code testAccuracy} at the top level. */
    public static final String METRICS = ReportWriter.METRICS;
    /** Training and validation loss per epoch. */
    public static final String LOSS = "loss-classifier.png";
    /** Validation accuracy per epoch. */
    public static final String ACCURACY = "accuracy-classifier.png";
    /** The test images' confusion matrix. */
    public static final String CONFUSION = ReportWriter.CONFUSION;
    /** The trained network, a safetensors model file. */
    public static final String MODEL = "classifier.safetensors";
    /** Every file this writer produces. */
    public static final List<String> FILES = List.of(REPORT, METRICS, LOSS, ACCURACY, CONFUSION, MODEL);

    private ClassifierReportWriter() {
    }

    /** Writes the files into the empty directory {@code dir}, drawing the charts only if {@code fonts} is usable. */
    static ReportWriter.Written writeFiles(ClassifierReport report, Path dir, ChartFonts.Status fonts)
            throws IOException {
        ClassifierResult r = report.result();
        List<String> written = new ArrayList<>();
        ReportWriter.put(dir, MODEL, r.model(), written);
        if (fonts.usable()) {
            List<LossSeries> losses = List.of(
                    LossSeries.perEpoch("training (mean over the epoch's batches, with dropout)", r.history().losses()),
                    LossSeries.perEpoch("validation (after the epoch)", r.history().validationLosses()));
            ReportWriter.put(dir, LOSS, LossChart.png("MNIST classifier: loss per epoch (mean softmax cross-entropy)",
                    "loss", losses, LossChart.fitsLogarithmicAxis(losses)), written);
            ReportWriter.put(dir, ACCURACY, LossChart.png("MNIST classifier: validation accuracy per epoch", "accuracy",
                    List.of(LossSeries.perEpoch("validation accuracy", r.validationAccuracies())), false), written);
            ReportWriter.put(dir, CONFUSION, ConfusionMatrixChart.png(String.format(Locale.ROOT,
                    "MNIST classifier: test confusion matrix (accuracy %.4f)", r.testAccuracy()), r.confusion()),
                    written);
        }
        ReportWriter.put(dir, METRICS, JsonWriter.write(metrics(report, fonts)).getBytes(StandardCharsets.UTF_8),
                written);
        ReportWriter.put(dir, REPORT, ClassifierMarkdown.render(report, fonts).getBytes(StandardCharsets.UTF_8),
                written);
        written.sort((a, b) -> Integer.compare(FILES.indexOf(a), FILES.indexOf(b)));
        return new ReportWriter.Written(dir, written, fonts);
    }

    /** The content of {@value #METRICS}. */
    static Map<String, Object> metrics(ClassifierReport report, ChartFonts.Status fonts) {
        ClassifierResult r = report.result();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", report.command());
        root.put("started", report.started().toString());
        root.put("totalSeconds", report.totalSeconds());
        root.put("testAccuracy", r.testAccuracy());
        root.put("testLoss", r.testLoss());
        root.put("validationAccuracy", r.validationAccuracy());
        root.put("backend", Map.of("name", r.backend(), "description", report.backendDescription()));
        root.put("machine", ReportMetrics.machine(report.machine()));
        root.put("data", ReportMetrics.data(report.data()));
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("train", report.trainImages());
        split.put("validation", report.validationImages());
        split.put("test", r.confusion().total());
        split.put("method", report.splitDescription());
        root.put("split", split);
        root.put("classifier", ReportMetrics.classifier(r, MODEL));
        if (report.data().official()) {
            root.put("published", Map.of("lecunMlpAccuracy", PublishedResults.LECUN_MLP_ACCURACY));
        }
        root.put("figures", ReportMetrics.figures(fonts));
        return root;
    }
}
