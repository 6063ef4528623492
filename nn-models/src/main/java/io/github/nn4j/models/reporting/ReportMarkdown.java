package io.github.nn4j.models.reporting;

import io.github.nn4j.api.metric.ConfusionMatrix;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.network.TrainingWarning;
import io.github.nn4j.datasets.files.Sha256Sums;
import io.github.nn4j.datasets.mnist.MnistFileSet;
import io.github.nn4j.datasets.mnist.MnistPart;
import io.github.nn4j.models.autoencoder.AutoencoderResult;
import io.github.nn4j.models.reproduce.MnistPipelineResult;
import io.github.nn4j.models.svm.FeatureScaling;
import io.github.nn4j.models.svm.GridChoice;
import io.github.nn4j.models.svm.GridPoint;
import io.github.nn4j.models.svm.SvmResult;
import io.github.nn4j.models.xor.XorExperiment;
import java.util.Locale;

/** Renders {@code REPORT.md}: our numbers beside the report's, then the details of each experiment. */
public final class ReportMarkdown {
    /** Why the standard grid is what it is; the measurements are in docs/svm-grid.md. */
    private static final String GRID_REASONS = "**Why this grid.** It was sized by measurement on both feature sets "
            + "(seed 42; tables and the command in `docs/svm-grid.md` of the nn4j sources). Per-feature (z-score) "
            + "scaling never won and its fits cost up to 2.7 times as much, so the features are divided by one common "
            + "factor. The best C = 3 or C = 30 candidate never beat the best C = 10 one by more than 0.0005, so C is "
            + "10. γ·d starts at 1 (0.75 did worse on both feature sets) and goes up through 1.5, 2 and 3 only while "
            + "a step beats the best smaller γ by more than one standard error, which no step did on 10,000 vectors"
            + ": a larger γ keeps more support vectors and costs more (on all 56,000 vectors, γ·d = 2 "
            + "took twice as long to fit as 1). The candidates are trained on 10,000 vectors: there the rule below "
            + "picked what it picks on fits to all 56,000 (γ·d = 1 for both feature sets), while 20,000 cost over "
            + "three times as much and picked 1.5 for PCA.\n\n";

    private ReportMarkdown() {
    }

    /**
     * The Markdown text; it links the figures by their file names in the same directory, or, where {@code fonts}
     * says the charts could not be drawn, says so in their place.
     */
    public static String render(ReproductionReport r, ChartFonts.Status fonts) {
        MnistPipelineResult m = r.mnist();
        AutoencoderResult ae = m.autoencoder();
        StringBuilder md = new StringBuilder();
        md.append("# nn4j reproduction report\n\n");
        if (r.quick()) {
            md.append("> **Quick run** (`--quick`): a subset of the images and few epochs, for a first look. "
                    + "The numbers below are not comparable with the report's; run `./nn4j reproduce` for those.\n\n");
        }
        if (!fonts.usable()) {
            md.append("> **Charts not drawn.** ").append(fonts.problem())
                    .append(" The reconstructions are shown without labels.\n\n");
        }
        md.append(f("Produced by `%s` on %s; the whole run took **%s**.%n%n", r.command(), r.started(),
                duration(r.totalSeconds())));
        md.append(f("- Backend: **%s** (%s)%n", r.backend(), r.backendDescription()));
        md.append(f("- Machine: %s; %s; Java %s; max heap %.1f GiB%n", r.machine().summary(), r.machine().os(),
                r.machine().runtime(), r.machine().maxHeapBytes() / (double) (1L << 30)));
        data(md, r.data());
        md.append(f("- Split: %,d training / %,d validation images (%s); %,d %stest images%n",
                m.trainImages(), m.validationImages(), r.splitDescription(), m.testImages(),
                r.data().official() ? "official " : ""));
        md.append(f("- Seed: %d%n%n", r.seed()));

        // Our numbers, and the report's beside them where they are comparable: only on MNIST.
        boolean mnist = r.data().official();
        XorExperiment.Result xor = r.xor();
        Table results = new Table(mnist);
        results.row("XOR predictions for (0,0), (0,1), (1,0), (1,1)", "solves XOR (targets 0, 1, 1, 0)",
                f("%s → %s", joined(xor.predictions()), xor.solved() ? "solved" : "**not solved**"));
        results.row("Autoencoder test MSE, per-image sum of squared errors", "8.3–8.5",
                f("**%.3f**", ae.testError().perImageSum()));
        results.row("Autoencoder test MSE, per pixel", f("≈ %.4f (8.3 / 784); Keras run: %.4f",
                PublishedResults.AE_TEST_MSE_PER_PIXEL, PublishedResults.KERAS_MSE),
                f("**%.5f**", ae.testError().perPixelMean()));
        if (ae.model().loaded()) {
            results.row("Autoencoder training time", f("Keras run: %.2f s", PublishedResults.KERAS_TRAINING_SECONDS),
                    f("not trained: loaded from `%s`", ae.model().loadedFrom()));
        } else {
            results.row(f("Autoencoder training time (%d epochs)", ae.settings().epochs()),
                    f("Keras run: %.2f s", PublishedResults.KERAS_TRAINING_SECONDS),
                    f("%.1f s on %s", ae.trainingSeconds(), ae.backend()));
        }
        results.row("SVM test accuracy on the 64-d latent codes", f("%.4f", PublishedResults.SVM_ACCURACY),
                f("**%.4f**", m.latentSvm().testAccuracy()));
        results.row(f("Baseline: same SVM on PCA-%d of the raw pixels", m.pcaSvm().dimension()),
                f("— (LeCun's table, RBF SVM on all 784 pixels: %.3f)", PublishedResults.LECUN_RBF_SVM_ACCURACY),
                f("%.4f", m.pcaSvm().testAccuracy()));
        results.row("Our addition: a supervised MLP 784-256-128-10 on the raw pixels, test accuracy",
                f("— (not in the report; LeCun's table, 2-layer MLP with 800 hidden units: %.3f)",
                        PublishedResults.LECUN_MLP_ACCURACY), f("%.4f", m.classifier().testAccuracy()));
        results.row("Backend", "its own NumPy library; Keras for comparison", r.backend());
        results.row("Machine", "—", r.machine().summary());
        if (mnist) {
            md.append("## Our numbers beside the report's\n\n");
        } else {
            md.append("## Results\n\nThe reproduced report's numbers are for MNIST; this data set is not MNIST, so "
                    + "they are not shown beside ours.\n\n");
        }
        md.append(results).append('\n');

        md.append("## Where the time went\n\n| step | seconds |\n|---|---|\n");
        md.append(f("| XOR, %,d epochs | %.1f |%n", r.xorConfig().epochs(), r.xorSeconds()));
        if (ae.model().loaded()) {
            md.append("| autoencoder: loaded from a file, not trained | 0.0 |\n");
        } else {
            md.append(f("| autoencoder training, %d epochs (with a validation pass after each) | %.1f |%n",
                    ae.settings().epochs(), ae.trainingSeconds()));
        }
        timings(md, m.latentSvm());
        md.append(f("| PCA-%d fit and projection | %.1f |%n", m.pcaSvm().dimension(), m.pcaSeconds()));
        timings(md, m.pcaSvm());
        md.append(f("| SVM and PCA stages together | %.1f |%n", svmAndPcaSeconds(m)));
        md.append(f("| our addition: the supervised MLP, %d epochs (with a validation pass after each) | %.1f |%n",
                m.classifier().history().epochs().size(), m.classifier().fitSeconds()));
        md.append(f("| **whole run** (including loading data and writing this report) | **%.1f** |%n%n",
                r.totalSeconds()));

        md.append("## XOR\n\n");
        md.append(f("Dense(2,4) → Tanh → Dense(4,1) → Sigmoid, MSE, SGD lr %s, full batch, %,d epochs: "
                + "%.2f s of training (%.2f s wall). Final loss %.3g.%n%n", r.xorConfig().learningRate(),
                r.xorConfig().epochs(), xor.history().trainingSeconds(), r.xorSeconds(), xor.finalLoss()));
        md.append("| input | target | prediction | thresholded |\n|---|---|---|---|\n");
        for (int i = 0; i < 4; i++) {
            md.append(f("| (%.0f, %.0f) | %.0f | %.4f | %d |%n", XorExperiment.INPUTS[i][0], XorExperiment.INPUTS[i][1],
                    XorExperiment.TARGETS[i][0], xor.predictions()[i], xor.thresholded()[i]));
        }
        md.append("\n").append(chart(fonts, "XOR loss", ReportWriter.LOSS_XOR));
        md.append(trainingWarnings(xor.history()));

        md.append("## Autoencoder\n\n");
        if (ae.model().loaded()) {
            md.append(f("784 → 128 → 64 → 128 → 784, **loaded** from `%s` (SHA-256 `%s`), not trained in this run: "
                    + "the errors below and the SVMs' latent codes are this file's, computed on %s.%n%n",
                    ae.model().loadedFrom(), ae.model().sha256(), ae.backend()));
        } else {
            String batches = ae.settings().batchSize() >= m.trainImages() ? "full batch (every step on all the images)"
                    : f("mini-batches of %d, shuffled every epoch", ae.settings().batchSize());
            md.append(f("784 → 128 → 64 → 128 → 784, ReLU after each hidden Dense, Sigmoid output, loss = squared "
                    + "error summed over the 784 pixels and averaged over the batch, SGD lr %s, %d epochs, %s, on %,d "
                    + "images; %.1f s of training on %s (%.1f s per epoch).%n%n", ae.settings().learningRate(),
                    ae.settings().epochs(), batches, m.trainImages(), ae.trainingSeconds(), ae.backend(),
                    ae.trainingSeconds() / ae.settings().epochs()));
        }
        md.append("| images | MSE per image (sum over pixels) | MSE per pixel |\n|---|---|---|\n");
        md.append(f("| training (%,d) | %.3f | %.5f |%n", m.trainImages(), ae.trainError().perImageSum(),
                ae.trainError().perPixelMean()));
        md.append(f("| test (%,d) | %.3f | %.5f |%n%n", m.testImages(), ae.testError().perImageSum(),
                ae.testError().perPixelMean()));
        if (!ae.model().loaded()) {
            md.append(chart(fonts, "Autoencoder loss", ReportWriter.LOSS_AE));
            md.append(trainingWarnings(ae.history()));
        }
        md.append(f("The autoencoder is saved beside this report as [`%s`](%s) (SHA-256 `%s`), a safetensors file: "
                + "layers 0–3 are the encoder (Dense 784→128, ReLU, Dense 128→64, ReLU; tensors `layers.0.*` and "
                + "`layers.2.*`, weights `[in, out]`), layers 4–7 the decoder. `./nn4j reproduce --model <this directory>/%s` "
                + "reuses it instead of training; `./nn4j inspect` shows what it holds.%n%n", ReportWriter.MODEL,
                ReportWriter.MODEL, ae.model().sha256(), ReportWriter.MODEL));
        md.append("Test digits (top) over their reconstructions (bottom):\n\n![Reconstructions](reconstructions.png)\n\n");

        md.append("## SVM on the latent codes\n\n");
        if (!r.quick()) {
            md.append(GRID_REASONS);
        }
        svm(md, m.latentSvm(), m.validationImages());
        md.append(chart(fonts, "Confusion matrix", ReportWriter.CONFUSION));
        md.append("## Baseline: SVM on PCA features\n\n");
        md.append(f("The first %d principal components of the raw pixels, fitted on the training images (their "
                + "covariance as FLOAT64 matrix products on the %s backend, its eigendecomposition in Java; with the "
                + "projection of every image %.1f s), then exactly the same SVM procedure.%n%n",
                m.pcaSvm().dimension(), r.backend(), m.pcaSeconds()));
        svm(md, m.pcaSvm(), m.validationImages());
        md.append(ClassifierMarkdown.section(m.classifier(), m.trainImages()));
        return md.toString();
    }

    /** The data line of the header: what the data set is, where it came from, how it was verified, its digests. */
    static void data(StringBuilder md, MnistFileSet d) {
        String verification = switch (d.verification()) {
            case PUBLISHED_MNIST -> "SHA-256 verified against the published MNIST digests";
            case SHA256SUMS -> "SHA-256 verified against " + d.directory().path().resolve(Sha256Sums.FILE_NAME);
            case NONE -> "**not verified** (`--no-verify`)";
        };
        md.append(d.official() ? f("- Data: MNIST, the official files, from %s; %s%n", d.directory(), verification)
                : f("- Data: **not MNIST**: an IDX data set in MNIST's layout from %s; %s%n", d.directory(),
                        verification));
        md.append("- Data files and their SHA-256:\n");
        for (MnistPart part : MnistPart.values()) {
            md.append(f("  - `%s` `%s`%n", d.file(part).getFileName(), d.sha256(part)));
        }
    }

    /** A Markdown table of results with, optionally, the reproduced report's value beside each of ours. */
    private static final class Table {
        private final boolean withReport;
        private final StringBuilder rows = new StringBuilder();

        Table(boolean withReport) {
            this.withReport = withReport;
        }

        void row(String what, String report, String ours) {
            rows.append("| ").append(what).append(" | ");
            if (withReport) {
                rows.append(report).append(" | ");
            }
            rows.append(ours).append(" |\n");
        }

        @Override
        public String toString() {
            String head = withReport ? "| | the report | nn4j (this run) |\n|---|---|---|\n"
                    : "| | nn4j (this run) |\n|---|---|\n";
            return head + rows;
        }
    }

    /** The image link of a chart, or a line saying it was not drawn. */
    static String chart(ChartFonts.Status fonts, String alt, String file) {
        return fonts.usable() ? "![" + alt + "](" + file + ")\n\n"
                : "*(" + alt + ": chart not drawn, see the note at the top.)*\n\n";
    }

    private static void timings(StringBuilder md, SvmResult s) {
        md.append(f("| SVM on %s: grid of %d on %,d vectors / final fit on %,d / predicting %,d | %.1f / %.1f / %.1f |%n",
                s.features(), s.grid().size(), s.gridTrainSize(), s.trainSize(), s.test().total(), s.gridSeconds(),
                s.fitSeconds(), s.predictSeconds()));
    }

    /** Seconds of the SVM and PCA stages: both grids, final fits and test predictions, and the PCA. */
    static double svmAndPcaSeconds(MnistPipelineResult m) {
        double total = m.pcaSeconds();
        for (SvmResult s : new SvmResult[] {m.latentSvm(), m.pcaSvm()}) {
            total += s.gridSeconds() + s.fitSeconds() + s.predictSeconds();
        }
        return total;
    }

    private static void svm(StringBuilder md, SvmResult s, int validationImages) {
        md.append(f("RBF kernel, one-versus-one (45 binary LASVM machines from Smile, voting). Candidates are trained "
                + "on %,d of the training vectors and scored on the %,d validation images; γ goes up its list only "
                + "while a step beats the best smaller γ by more than one standard error. %d candidates tried, "
                + "%.1f s in all:%n%n", s.gridTrainSize(), validationImages, s.grid().size(), s.gridSeconds()));
        md.append("| scaling | gamma | C | validation accuracy | fit (s) |\n|---|---|---|---|---|\n");
        for (GridPoint p : s.grid()) {
            boolean chosen = p.candidate().equals(s.best());
            md.append(f("| %s | %.5g | %.4g | %s%.4f%s | %.1f |%n", scaling(p.candidate().scaling()),
                    p.candidate().params().gamma(), p.candidate().params().c(), chosen ? "**" : "",
                    p.validationAccuracy(), chosen ? "**" : "", p.fitSeconds()));
        }
        double best = GridChoice.bestAccuracy(s.grid());
        double se = GridChoice.standardError(best, validationImages);
        md.append(f("%nChosen by the one-standard-error rule: the best validation accuracy is %.4f, one standard error "
                + "on %,d images is %.4f, and of the candidates scoring at least %.4f the one with the smallest gamma "
                + "(then C) is taken: the smoothest model, and the cheapest to train and to use.%n", best,
                validationImages, se, best - se));
        md.append(f("%nChosen: %s. Trained on all %,d training vectors in %.1f s (%,d distinct support vectors); "
                + "validation accuracy %.4f; predicting the %,d test images took %.1f s.%n%n", s.best(), s.trainSize(),
                s.fitSeconds(), s.distinctSupportVectors(), s.validationAccuracy(), s.test().total(),
                s.predictSeconds()));
        md.append(f("**Test accuracy %.4f** (%,d of %,d).", s.testAccuracy(), s.test().correct(), s.test().total()));
        if (s.constantFeatures() > 0) {
            md.append(f(" %d of the %d features were constant on the training images.", s.constantFeatures(),
                    s.dimension()));
        }
        md.append("\n\n");
        confusionTable(md, s.test());
    }

    /** A confusion matrix as a Markdown table, true classes as rows, the diagonal in bold. */
    static void confusionTable(StringBuilder md, ConfusionMatrix cm) {
        md.append("| true \\ predicted |");
        int k = cm.classes();
        for (int c = 0; c < k; c++) {
            md.append(' ').append(c).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(k)).append('\n');
        for (int t = 0; t < k; t++) {
            md.append("| **").append(t).append("** |");
            for (int p = 0; p < k; p++) {
                long n = cm.count(t, p);
                md.append(' ').append(t == p ? "**" + n + "**" : Long.toString(n)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String scaling(FeatureScaling scaling) {
        return scaling.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String joined(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(f("%.4f", values[i]));
        }
        return sb.toString();
    }

    /** {@code 754.2 s (12 min 34 s)}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? f("%.1f s", seconds) : f("%.0f s (%d min %02d s)", seconds, s / 60, s % 60);
    }

    /** What training warned about (see {@code TrainingWarning}), or nothing for a healthy run. */
    static String trainingWarnings(TrainingHistory history) {
        if (history.warnings().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("**Training warnings** (the run went wrong although every loss is finite):\n\n");
        for (TrainingWarning w : history.warnings()) {
            sb.append("- ").append(w).append('\n');
        }
        return sb.append('\n').toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
