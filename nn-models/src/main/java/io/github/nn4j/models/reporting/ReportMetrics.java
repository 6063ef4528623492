package io.github.nn4j.models.reporting;

import io.github.nn4j.api.metric.ConfusionMatrix;
import io.github.nn4j.datasets.mnist.MnistFileSet;
import io.github.nn4j.datasets.mnist.MnistPart;
import io.github.nn4j.models.autoencoder.AutoencoderResult;
import io.github.nn4j.models.classifier.ClassifierResult;
import io.github.nn4j.models.classifier.ClassifierSettings;
import io.github.nn4j.models.classifier.MnistClassifier;
import io.github.nn4j.models.reproduce.MachineInfo;
import io.github.nn4j.models.reproduce.MnistPipelineResult;
import io.github.nn4j.models.svm.GridPoint;
import io.github.nn4j.models.svm.SvmResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The content of {@code metrics.json}: every number of the report, machine-readable. */
public final class ReportMetrics {
    private ReportMetrics() {
    }

    /** A JSON-ready tree (maps, lists, numbers, strings) of the report, whose figures used {@code fonts}. */
    public static Map<String, Object> of(ReproductionReport r, ChartFonts.Status fonts) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", r.command());
        root.put("started", r.started().toString());
        root.put("totalSeconds", r.totalSeconds());
        root.put("quick", r.quick());
        root.put("seed", r.seed());
        root.put("backend", Map.of("name", r.backend(), "description", r.backendDescription()));
        root.put("machine", machine(r.machine()));
        root.put("data", data(r.data()));

        Map<String, Object> xor = new LinkedHashMap<>();
        xor.put("epochs", r.xorConfig().epochs());
        xor.put("learningRate", r.xorConfig().learningRate());
        xor.put("predictions", r.xor().predictions());
        xor.put("thresholded", r.xor().thresholded());
        xor.put("solved", r.xor().solved());
        xor.put("finalLoss", r.xor().finalLoss());
        xor.put("trainingSeconds", r.xor().history().trainingSeconds());
        xor.put("wallSeconds", r.xorSeconds());
        root.put("xor", xor);

        MnistPipelineResult m = r.mnist();
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("train", m.trainImages());
        split.put("validation", m.validationImages());
        split.put("test", m.testImages());
        split.put("method", r.splitDescription());
        root.put("split", split);
        root.put("autoencoder", autoencoder(m.autoencoder()));
        root.put("latentSvm", svm(m.latentSvm()));
        root.put("pcaSeconds", m.pcaSeconds());
        root.put("pcaSvm", svm(m.pcaSvm()));
        root.put("classifier", classifier(m.classifier(), null));

        Map<String, Object> published = new LinkedHashMap<>();
        published.put("svmAccuracy", PublishedResults.SVM_ACCURACY);
        published.put("aeTestMsePerImage", List.of(PublishedResults.AE_TEST_MSE_PER_IMAGE_LOW,
                PublishedResults.AE_TEST_MSE_PER_IMAGE_HIGH));
        published.put("aeTestMsePerPixel", PublishedResults.AE_TEST_MSE_PER_PIXEL);
        published.put("kerasMse", PublishedResults.KERAS_MSE);
        published.put("kerasTrainingSeconds", PublishedResults.KERAS_TRAINING_SECONDS);
        published.put("lecunRbfSvmAccuracy", PublishedResults.LECUN_RBF_SVM_ACCURACY);
        published.put("lecunMlpAccuracy", PublishedResults.LECUN_MLP_ACCURACY);
        if (r.data().official()) {
            root.put("published", published); // the reproduced report's numbers are for MNIST only
        }
        root.put("figures", figures(fonts));
        return root;
    }

    /** The machine's description. */
    static Map<String, Object> machine(MachineInfo m) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", m.cpu());
        machine.put("cores", m.cores());
        machine.put("memoryBytes", m.memoryBytes());
        machine.put("os", m.os());
        machine.put("java", m.runtime());
        machine.put("maxHeapBytes", m.maxHeapBytes());
        return machine;
    }

    /** Whether the charts were drawn, and with which font. */
    static Map<String, Object> figures(ChartFonts.Status fonts) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("chartsDrawn", fonts.usable());
        figures.put("font", fonts.usable() ? fonts.source() : null);
        figures.put("problem", fonts.usable() ? null : fonts.problem());
        return figures;
    }

    static Map<String, Object> data(MnistFileSet d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("officialMnist", d.official());
        out.put("directory", d.directory().path().toString());
        out.put("origin", d.directory().origin());
        out.put("verification", d.verification().name());
        Map<String, Object> files = new LinkedHashMap<>();
        for (MnistPart part : MnistPart.values()) {
            files.put(d.file(part).getFileName().toString(), d.sha256(part));
        }
        out.put("sha256", files);
        return out;
    }

    private static Map<String, Object> autoencoder(AutoencoderResult ae) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("layers", List.of(784, 128, 64, 128, 784));
        out.put("epochs", ae.settings().epochs());
        out.put("batchSize", ae.settings().batchSize());
        out.put("learningRate", ae.settings().learningRate());
        out.put("seed", ae.settings().seed());
        out.put("backend", ae.backend());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("file", ReportWriter.MODEL);
        model.put("sha256", ae.model().sha256());
        model.put("loadedFrom", ae.model().loaded() ? ae.model().loadedFrom().toString() : null);
        out.put("model", model);
        out.put("trainingSeconds", ae.trainingSeconds());
        out.put("trainLossPerEpoch", ae.history().losses());
        out.put("validationLossPerEpoch", ae.history().validationLosses());
        out.put("epochSeconds", ae.history().epochs().stream().mapToDouble(e -> e.elapsedNanos() / 1e9).toArray());
        out.put("trainMsePerImage", ae.trainError().perImageSum());
        out.put("trainMsePerPixel", ae.trainError().perPixelMean());
        out.put("testMsePerImage", ae.testError().perImageSum());
        out.put("testMsePerPixel", ae.testError().perPixelMean());
        return out;
    }

    /**
     * The classifier's numbers: its settings, per-epoch curves, test accuracy and loss, per-class precision and recall,
     * the confusion matrix and the timing; with its model file's name when it was written.
     */
    static Map<String, Object> classifier(ClassifierResult r, String modelFile) {
        ClassifierSettings s = r.settings();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("layers", List.of(784, MnistClassifier.HIDDEN1, MnistClassifier.HIDDEN2, 10));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", s.epochs());
        settings.put("batchSize", s.batchSize());
        settings.put("optimizer", "SGD");
        settings.put("learningRate", s.learningRate());
        settings.put("momentum", s.momentum());
        settings.put("weightDecay", s.weightDecay());
        settings.put("schedule", "cosine to 0 over the epochs");
        settings.put("inputDropout", s.inputDropout());
        settings.put("hiddenDropout", s.hiddenDropout());
        settings.put("patience", s.patience());
        settings.put("seed", s.seed());
        out.put("settings", settings);
        out.put("backend", r.backend());
        out.put("epochsTrained", r.history().epochs().size());
        out.put("bestEpoch", r.bestEpoch());
        out.put("stoppedEpoch", r.stoppedEpoch());
        out.put("fitSeconds", r.fitSeconds());
        out.put("trainingStepSeconds", r.history().trainingSeconds());
        out.put("cpuSeconds", r.cpuSeconds());
        out.put("loadAverage", r.loadAverage() >= 0 ? r.loadAverage() : null);
        out.put("trainLossPerEpoch", r.history().losses());
        out.put("validationLossPerEpoch", r.history().validationLosses());
        out.put("validationAccuracyPerEpoch", r.validationAccuracies());
        out.put("validationAccuracy", r.validationAccuracy());
        out.put("testAccuracy", r.testAccuracy());
        out.put("testLoss", r.testLoss());
        ConfusionMatrix cm = r.confusion();
        out.put("testCorrect", cm.correct());
        out.put("testTotal", cm.total());
        double[] precision = new double[cm.classes()];
        double[] recall = new double[cm.classes()];
        for (int c = 0; c < cm.classes(); c++) {
            precision[c] = cm.precision(c);
            recall[c] = cm.recall(c);
        }
        out.put("precision", precision);
        out.put("recall", recall);
        out.put("confusionMatrix", cm.counts());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("file", modelFile);
        model.put("sha256", r.modelSha256());
        out.put("model", model);
        return out;
    }

    private static Map<String, Object> svm(SvmResult s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("features", s.features());
        out.put("dimension", s.dimension());
        out.put("constantFeatures", s.constantFeatures());
        List<Map<String, Object>> grid = new ArrayList<>();
        for (GridPoint p : s.grid()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("scaling", p.candidate().scaling().name());
            g.put("gamma", p.candidate().params().gamma());
            g.put("C", p.candidate().params().c());
            g.put("validationAccuracy", p.validationAccuracy());
            g.put("fitSeconds", p.fitSeconds());
            grid.add(g);
        }
        out.put("gridTrainSize", s.gridTrainSize());
        out.put("grid", grid);
        out.put("gridSeconds", s.gridSeconds());
        Map<String, Object> best = new LinkedHashMap<>();
        best.put("scaling", s.best().scaling().name());
        best.put("gamma", s.best().params().gamma());
        best.put("C", s.best().params().c());
        out.put("chosen", best);
        out.put("trainSize", s.trainSize());
        out.put("fitSeconds", s.fitSeconds());
        out.put("predictSeconds", s.predictSeconds());
        out.put("distinctSupportVectors", s.distinctSupportVectors());
        out.put("validationAccuracy", s.validationAccuracy());
        out.put("testAccuracy", s.testAccuracy());
        out.put("testCorrect", s.test().correct());
        out.put("testTotal", s.test().total());
        out.put("confusionMatrix", s.test().counts());
        return out;
    }
}
