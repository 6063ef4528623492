package io.github.nn4j.models.reporting;

import io.github.nn4j.api.metric.ConfusionMatrix;
import io.github.nn4j.api.network.EpochStats;
import io.github.nn4j.models.classifier.ClassifierResult;
import io.github.nn4j.models.classifier.ClassifierSettings;
import io.github.nn4j.models.classifier.MnistClassifier;
import java.util.Locale;

/**
 * The Markdown of the supervised classifier: the recipe and its results, shared by {@code ./nn4j classify}'s report
 * ({@link #render}) and the section of the reproduction report that shows it as our addition ({@link #section}).
 */
public final class ClassifierMarkdown {
    private ClassifierMarkdown() {
    }

    /** What the network is and how it was trained, in one paragraph. */
    static String recipe(ClassifierResult r, int trainImages) {
        ClassifierSettings s = r.settings();
        String stop = r.stoppedEpoch() > 0
                ? f("early stopping ended training after epoch %d (%d epochs without a better validation accuracy)",
                        r.stoppedEpoch(), s.patience())
                : f("all %d epochs ran (early stopping, patience %d, did not stop it)", r.history().epochs().size(),
                        s.patience());
        return f("784 → %d → %d → 10, ReLU after each hidden Dense, dropout %.2g on the pixels and %.2g after each hidden"
                + " ReLU, logits trained with the fused softmax cross-entropy on the %,d training images (pixels scaled"
                + " to [0, 1], then standardized by the network's first layer with the training images' mean and"
                + " standard deviation); SGD with momentum %.2g and weight decay %.2g, learning rate %.3g on a cosine schedule to 0"
                + " over %d epochs, mini-batches of %d, seed %d. The validation accuracy was measured after every epoch;"
                + " %s, and the weights of the best epoch (%d, validation accuracy %.4f) were kept.%n%n",
                MnistClassifier.HIDDEN1, MnistClassifier.HIDDEN2, s.inputDropout(), s.hiddenDropout(), trainImages,
                s.momentum(), s.weightDecay(), s.learningRate(), s.epochs(), s.batchSize(), s.seed(), stop,
                r.bestEpoch(), r.validationAccuracy());
    }

    /** The time line: wall and CPU time of training, and the load the machine was under. */
    static String timing(ClassifierResult r) {
        double stepSeconds = r.history().trainingSeconds();
        return f("Training took **%.1f s** of wall time on %s (%.1f s in the training steps, the rest in the validation"
                + " passes), %.1f s of CPU time for the JVM (all threads)%s.%n%n", r.fitSeconds(), r.backend(),
                stepSeconds, r.cpuSeconds(), r.loadAverage() >= 0
                        ? f("; the machine's load average was %.1f when it ended", r.loadAverage()) : "");
    }

    /** The test results: accuracy, loss, and per-class precision and recall with the confusion matrix. */
    static void testResults(StringBuilder md, ClassifierResult r) {
        ConfusionMatrix cm = r.confusion();
        md.append(f("**Test accuracy %.4f** (%,d of %,d), test loss %.4f (mean softmax cross-entropy).%n%n",
                r.testAccuracy(), cm.correct(), cm.total(), r.testLoss()));
        md.append("| digit | precision | recall | test images |\n|---|---|---|---|\n");
        for (int c = 0; c < cm.classes(); c++) {
            long images = 0;
            for (int p = 0; p < cm.classes(); p++) {
                images += cm.count(c, p);
            }
            md.append(f("| %d | %.4f | %.4f | %,d |%n", c, cm.precision(c), cm.recall(c), images));
        }
        md.append('\n');
        ReportMarkdown.confusionTable(md, cm);
    }

    /** The section of the reproduction report. */
    static String section(ClassifierResult r, int trainImages) {
        StringBuilder md = new StringBuilder("## Our addition: a supervised MLP on the raw pixels\n\n");
        md.append("Not part of the reproduced report: the autoencoder and the SVMs never see a label until the SVM, "
                + "while this network learns the digits directly from the pixels, with nn4j's classification parts "
                + "(dropout, the softmax cross-entropy, weight decay, a learning-rate schedule, early stopping). "
                + "`./nn4j classify` trains the same network on its own and reports its curves and confusion matrix.\n\n");
        md.append(recipe(r, trainImages)).append(timing(r));
        testResults(md, r);
        return md.toString();
    }

    /** {@code REPORT.md} of {@code ./nn4j classify}. */
    static String render(ClassifierReport report, ChartFonts.Status fonts) {
        ClassifierResult r = report.result();
        StringBuilder md = new StringBuilder("# nn4j MNIST classifier\n\n");
        if (!fonts.usable()) {
            md.append("> **Charts not drawn.** ").append(fonts.problem()).append("\n\n");
        }
        md.append(f("Produced by `%s` on %s; the whole run took **%s**.%n%n", report.command(), report.started(),
                ReportMarkdown.duration(report.totalSeconds())));
        md.append(f("- Backend: **%s** (%s)%n", r.backend(), report.backendDescription()));
        md.append(f("- Machine: %s; %s; Java %s%n", report.machine().summary(), report.machine().os(),
                report.machine().runtime()));
        ReportMarkdown.data(md, report.data());
        md.append(f("- Split: %,d training / %,d validation images (%s); %,d test images%n%n", report.trainImages(),
                report.validationImages(), report.splitDescription(), r.confusion().total()));
        md.append(f("| | LeCun's table: 2-layer MLP, 800 hidden units, cross-entropy | nn4j (this run) |%n|---|---|---|%n"
                + "| test accuracy | %.3f | **%.4f** |%n| training time | — | %.1f s (%.1f s CPU) on %s |%n%n",
                PublishedResults.LECUN_MLP_ACCURACY, r.testAccuracy(), r.fitSeconds(), r.cpuSeconds(), r.backend()));
        md.append("## Network and training\n\n").append(recipe(r, report.trainImages())).append(timing(r));
        md.append("| epoch | training loss | validation loss | validation accuracy | seconds |\n|---|---|---|---|---|\n");
        for (EpochStats e : r.history().epochs()) {
            boolean best = e.epoch() == r.bestEpoch();
            md.append(f("| %d | %.4f | %.4f | %s%.4f%s | %.1f |%n", e.epoch(), e.loss(), e.validationLoss(),
                    best ? "**" : "", e.validationMetric("accuracy"), best ? "**" : "", e.elapsedNanos() / 1e9));
        }
        md.append('\n');
        md.append(ReportMarkdown.chart(fonts, "Loss per epoch", ClassifierReportWriter.LOSS));
        md.append(ReportMarkdown.chart(fonts, "Validation accuracy per epoch", ClassifierReportWriter.ACCURACY));
        md.append(ReportMarkdown.trainingWarnings(r.history()));
        md.append("## Test images\n\n");
        testResults(md, r);
        md.append(ReportMarkdown.chart(fonts, "Confusion matrix", ClassifierReportWriter.CONFUSION));
        md.append(f("The network is saved beside this report as [`%s`](%s) (SHA-256 `%s`), a safetensors file: it "
                + "outputs logits (append a `Softmax` layer for probabilities); its `Dropout` layers are the identity "
                + "in inference. `./nn4j inspect` shows what it holds.%n", ClassifierReportWriter.MODEL,
                ClassifierReportWriter.MODEL, r.modelSha256()));
        return md.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
