package io.github.nn4j.models.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.metric.ConfusionMatrix;
import io.github.nn4j.api.network.EpochStats;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.network.TrainingWarning;
import io.github.nn4j.datasets.mnist.DataDirectory;
import io.github.nn4j.datasets.mnist.MnistCatalog;
import io.github.nn4j.datasets.mnist.MnistFileSet;
import io.github.nn4j.datasets.mnist.MnistPart;
import io.github.nn4j.models.autoencoder.AutoencoderModel;
import io.github.nn4j.models.autoencoder.AutoencoderResult;
import io.github.nn4j.models.autoencoder.AutoencoderSettings;
import io.github.nn4j.models.autoencoder.ReconstructionError;
import io.github.nn4j.models.autoencoder.ReconstructionSamples;
import io.github.nn4j.models.classifier.ClassifierResult;
import io.github.nn4j.models.classifier.ClassifierSettings;
import io.github.nn4j.models.reproduce.MachineInfo;
import io.github.nn4j.models.reproduce.MnistPipelineResult;
import io.github.nn4j.models.svm.FeatureScaling;
import io.github.nn4j.models.svm.FeatureSet;
import io.github.nn4j.models.svm.GridPoint;
import io.github.nn4j.models.svm.RbfSvmParams;
import io.github.nn4j.models.svm.SvmCandidate;
import io.github.nn4j.models.svm.SvmResult;
import io.github.nn4j.models.xor.XorExperiment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes a report from made-up results and checks every file. */
class ReportWriterTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static TrainingHistory history(double first, int epochs, boolean validation) {
        List<EpochStats> stats = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double loss = first / e;
            stats.add(new EpochStats(e, epochs, loss, validation ? loss * 1.1 : Double.NaN, 2_000_000_000L, 56_000));
        }
        return new TrainingHistory(stats);
    }

    private static SvmResult svm(String name, double accuracy, int[] truth, int[] predicted) {
        SvmCandidate a = new SvmCandidate(FeatureScaling.PER_FEATURE, new RbfSvmParams(1.0 / 64, 3));
        SvmCandidate b = new SvmCandidate(FeatureScaling.UNIFORM, new RbfSvmParams(2.0 / 64, 30));
        return new SvmResult(name, 64, 2, List.of(new GridPoint(a, accuracy - 0.01, 3.5), new GridPoint(b, accuracy, 4.5)),
                10_000, b, 56_000, 60.2, 5.1, 40.0, 12_345, accuracy, ConfusionMatrix.of(truth, predicted, 10));
    }

    /** A made-up classifier run: 12 epochs, the best the 9th, stopped after the 12th. */
    static ClassifierResult classifier(int[] truth, int[] predicted) {
        List<EpochStats> stats = new ArrayList<>();
        for (int e = 1; e <= 12; e++) {
            stats.add(new EpochStats(e, 30, 0.5 / e, 0.4 / e + 0.01, 1_000_000_000L, 56_000,
                    Map.of("accuracy", e == 9 ? 0.9875 : 0.95 + e * 0.003)));
        }
        return new ClassifierResult(ClassifierSettings.standard(42), "pure", new TrainingHistory(stats), 9, 12, 14.5,
                27.0, 3.5, 0.9875, 0.0512, 0.9876, ConfusionMatrix.of(truth, predicted, 10), new byte[] {4, 5, 6},
                "cd34");
    }

    /** The official MNIST files in /data, as the locator describes them. */
    static MnistFileSet officialMnist() {
        Map<MnistPart, Path> files = new EnumMap<>(MnistPart.class);
        Map<MnistPart, String> digests = new EnumMap<>(MnistPart.class);
        for (MnistPart part : MnistPart.values()) {
            files.put(part, Path.of("/data", MnistCatalog.OFFICIAL.spec(part).gzName()));
            digests.put(part, MnistCatalog.OFFICIAL.spec(part).gzSha256());
        }
        return new MnistFileSet(new DataDirectory(Path.of("/data"), "--data"), files, digests,
                MnistFileSet.Verification.PUBLISHED_MNIST, true, List.of());
    }

    static ReproductionReport report() {
        return report(officialMnist(), trainedModel());
    }

    private static AutoencoderModel trainedModel() {
        return new AutoencoderModel(new byte[] {1, 2, 3}, "ab12", null);
    }

    static ReproductionReport report(AutoencoderModel model) {
        return report(officialMnist(), model);
    }

    static ReproductionReport report(MnistFileSet data) {
        return report(data, trainedModel());
    }

    static ReproductionReport report(MnistFileSet data, AutoencoderModel model) {
        return report(data, model, List.of());
    }

    static ReproductionReport report(MnistFileSet data, AutoencoderModel model, List<TrainingWarning> xorWarnings) {
        int[] truth = new int[100];
        int[] predicted = new int[100];
        for (int i = 0; i < 100; i++) {
            truth[i] = i % 10;
            predicted[i] = i == 7 ? 1 : i % 10;
        }
        float[][] images = new float[10][28 * 28];
        for (int d = 0; d < 10; d++) {
            for (int p = 0; p < 28 * 28; p++) {
                images[d][p] = ((p + d) % 28) / 27f;
            }
        }
        int[] digits = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[][] codes = {{1, 2}, {3, 4}};
        AutoencoderResult ae = new AutoencoderResult(new AutoencoderSettings(50, 64, 0.05, 42), "pure",
                history(30, 50, true), 123.4, ReconstructionError.fromPerImageSum(4.1, 784, 56_000),
                ReconstructionError.fromPerImageSum(4.25, 784, 10_000),
                new FeatureSet(codes, new int[] {0, 1}, codes, new int[] {0, 1}, codes, new int[] {0, 1}),
                new ReconstructionSamples(28, 28, digits, images, images), model);
        MnistPipelineResult mnist = new MnistPipelineResult(56_000, 4_000, 10_000, ae,
                svm("autoencoder latent (64)", 0.99, truth, predicted), 12.5, svm("PCA-64", 0.98, truth, predicted),
                classifier(truth, predicted));
        XorExperiment.Result xor = new XorExperiment.Result(new double[] {0.01, 0.98, 0.99, 0.02},
                new int[] {0, 1, 1, 0}, new TrainingHistory(history(0.25, 200, false).epochs(), xorWarnings), "pure");
        return new ReproductionReport("./nn4j reproduce", Instant.parse("2026-01-02T03:04:05Z"), 754.2, "pure",
                "pure Java", MachineInfo.current(), data, false, 42, "stratified, seed 42",
                XorExperiment.Config.report(42), xor, 1.5, mnist);
    }

    @Test
    void trainingWarningsAreListedAndAHealthyRunHasNone() throws IOException {
        ReportWriter.write(report(), dir);
        assertThat(Files.readString(dir.resolve(ReportWriter.REPORT))).doesNotContain("Training warnings");
        TrainingWarning w = new TrainingWarning(1, TrainingWarning.Kind.WEIGHTS_EXPLODING,
                "a parameter has magnitude 2.010e+04, beyond the limit 1000");
        ReportWriter.write(report(officialMnist(), trainedModel(), List.of(w)), dir);
        assertThat(Files.readString(dir.resolve(ReportWriter.REPORT)))
                .contains("**Training warnings**")
                .contains("- epoch 1: a parameter has magnitude 2.010e+04, beyond the limit 1000");
    }

    @Test
    void writesEveryFileAndNothingElse() throws IOException {
        ReportWriter.write(report(), dir);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(ReportWriter.FILES);
        }
        for (String png : List.of(ReportWriter.LOSS_XOR, ReportWriter.LOSS_AE, ReportWriter.RECONSTRUCTIONS,
                ReportWriter.CONFUSION)) {
            BufferedImage img = ImageIO.read(dir.resolve(png).toFile());
            assertThat(img).as(png).isNotNull();
            assertThat(img.getWidth()).as(png).isGreaterThan(400);
            assertThat(img.getHeight()).as(png).isGreaterThan(200);
        }
    }

    @Test
    void theReportPutsOurNumbersBesideThePublishedOnesInBothMseConventions() throws IOException {
        ReportWriter.write(report(), dir);

        String md = Files.readString(dir.resolve(ReportWriter.REPORT));
        assertThat(md)
                .contains("| SVM test accuracy on the 64-d latent codes | 0.9826 | **0.9900** |")
                .contains("| Autoencoder test MSE, per-image sum of squared errors | 8.3–8.5 | **4.250** |")
                .contains("**0.00542** |") // 4.25 / 784
                .contains("Keras run: 222.75 s | 123.4 s on pure")
                .contains("754 s (12 min 34 s)")
                .contains("0.0100, 0.9800, 0.9900, 0.0200 → solved")
                .contains("| **7** | 0 | 1 | 0 | 0 | 0 | 0 | 0 | **9** | 0 | 0 |")
                .contains("![Confusion matrix](confusion-matrix.png)")
                // 2 x (grid 40.0 + final fit 60.2 + test prediction 5.1) + PCA 12.5
                .contains("| SVM and PCA stages together | 223.1 |")
                .contains("the best validation accuracy is 0.9900, one standard error on 4,000 images is 0.0016, and of "
                        + "the candidates scoring at least 0.9884")
                .contains("**Why this grid.**");
        // the comparison table is one table: no blank line before its last rows
        assertThat(md).contains("|\n| Backend | ").doesNotContain("\n\n| Backend");
        String json = Files.readString(dir.resolve(ReportWriter.METRICS));
        assertThat(json)
                .contains("\"testMsePerImage\": 4.25,")
                .contains("\"testMsePerPixel\": " + (4.25 / 784) + "\n")
                .contains("\"testAccuracy\": 0.99,")
                .contains("\"svmAccuracy\": 0.9826,")
                .contains("\"thresholded\": [0, 1, 1, 0],")
                .contains("\"chartsDrawn\": true,");
    }

    @Test
    void theSupervisedClassifierIsAThirdRowLabelledAsOurAddition() throws IOException {
        ReportWriter.write(report(), dir);
        String md = Files.readString(dir.resolve(ReportWriter.REPORT));
        assertThat(md)
                .contains("| Our addition: a supervised MLP 784-256-128-10 on the raw pixels, test accuracy | — (not in "
                        + "the report; LeCun's table, 2-layer MLP with 800 hidden units: 0.984) | 0.9876 |")
                .contains("| our addition: the supervised MLP, 12 epochs (with a validation pass after each) | 14.5 |")
                .contains("## Our addition: a supervised MLP on the raw pixels")
                .contains("early stopping ended training after epoch 12 (10 epochs without a better validation"
                        + " accuracy)")
                .contains("the weights of the best epoch (9, validation accuracy 0.9875) were kept")
                .contains("27.0 s of CPU time")
                // one of the ten 7s is predicted as 1: 7's recall is 9/10, 1's precision 10/11
                .contains("| 1 | 0.9091 | 1.0000 | 10 |").contains("| 7 | 1.0000 | 0.9000 | 10 |");
        String json = Files.readString(dir.resolve(ReportWriter.METRICS));
        assertThat(json).contains("\"classifier\": {").contains("\"bestEpoch\": 9,").contains("\"stoppedEpoch\": 12,")
                .contains("\"lecunMlpAccuracy\": 0.984");
    }

    @Test
    void theReportNamesTheDataSetAndComparesWithTheReportOnlyOnMnist() throws IOException {
        ReportWriter.write(report(), dir);
        String md = Files.readString(dir.resolve(ReportWriter.REPORT));
        assertThat(md).contains("- Data: MNIST, the official files, from /data (--data); SHA-256 verified against the "
                + "published MNIST digests\n")
                .contains("  - `train-images-idx3-ubyte.gz` `" + MnistCatalog.OFFICIAL.spec(MnistPart.TRAIN_IMAGES)
                        .gzSha256() + "`\n")
                .contains("; 10,000 official test images");

        Map<MnistPart, Path> files = new EnumMap<>(MnistPart.class);
        Map<MnistPart, String> digests = new EnumMap<>(MnistPart.class);
        for (MnistPart part : MnistPart.values()) {
            files.put(part, Path.of("/fashion", MnistCatalog.OFFICIAL.spec(part).rawName()));
            digests.put(part, String.valueOf(part.ordinal()).repeat(64));
        }
        MnistFileSet other = new MnistFileSet(new DataDirectory(Path.of("/fashion"), "--data"), files, digests,
                MnistFileSet.Verification.NONE, false, List.of());
        Path otherDir = dir.resolve("other");
        ReportWriter.write(report(other), otherDir);

        String otherMd = Files.readString(otherDir.resolve(ReportWriter.REPORT));
        assertThat(otherMd)
                .contains("- Data: **not MNIST**: an IDX data set in MNIST's layout from /fashion (--data); "
                        + "**not verified** (`--no-verify`)\n")
                .contains("  - `t10k-labels-idx1-ubyte` `" + "3".repeat(64) + "`\n")
                .contains("## Results\n\nThe reproduced report's numbers are for MNIST")
                .contains("| | nn4j (this run) |\n|---|---|\n")
                .contains("| SVM test accuracy on the 64-d latent codes | **0.9900** |")
                .doesNotContain("the report | nn4j", "0.9826", "8.3–8.5", "Keras", "official");
        String json = Files.readString(otherDir.resolve(ReportWriter.METRICS));
        assertThat(json).contains("\"officialMnist\": false,", "\"verification\": \"NONE\",",
                "\"t10k-labels-idx1-ubyte\": \"" + "3".repeat(64) + "\"").doesNotContain("\"published\"");
    }

    @Test
    void whereNoTextCanBeDrawnTheReportIsCompleteWithoutTheCharts() throws IOException {
        ChartFonts.Status none = new ChartFonts.Status(false, "", "Java cannot draw text on this machine (simulated)");

        ReportWriter.Written written = ReportWriter.writeFiles(report(), dir, none);

        assertThat(written.files()).containsExactly(ReportWriter.REPORT, ReportWriter.METRICS,
                ReportWriter.RECONSTRUCTIONS, ReportWriter.MODEL);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(written.files());
        }
        String md = Files.readString(dir.resolve(ReportWriter.REPORT));
        assertThat(md).startsWith("# nn4j reproduction report\n\n> **Charts not drawn.** Java cannot draw text on "
                + "this machine (simulated) The reconstructions are shown without labels.")
                .contains("*(Autoencoder loss: chart not drawn, see the note at the top.)*")
                .contains("*(Confusion matrix: chart not drawn, see the note at the top.)*")
                .contains("![Reconstructions](reconstructions.png)")
                .contains("| SVM test accuracy on the 64-d latent codes | 0.9826 | **0.9900** |")
                .contains("| **7** | 0 | 1 | 0 | 0 | 0 | 0 | 0 | **9** | 0 | 0 |")
                .doesNotContain("](loss-ae.png)");
        assertThat(Files.readString(dir.resolve(ReportWriter.METRICS))).contains("\"chartsDrawn\": false,")
                .contains("\"problem\": \"Java cannot draw text on this machine (simulated)\"");
        BufferedImage reconstructions = ImageIO.read(dir.resolve(ReportWriter.RECONSTRUCTIONS).toFile());
        assertThat(reconstructions.getWidth()).isGreaterThan(400);
    }

    @Test
    void theTrainedAutoencoderIsSavedAndTheReportSaysHowToReuseIt() throws IOException {
        ReportWriter.write(report(), dir);

        assertThat(Files.readAllBytes(dir.resolve(ReportWriter.MODEL))).containsExactly(1, 2, 3);
        assertThat(Files.readString(dir.resolve(ReportWriter.REPORT)))
                .contains("saved beside this report as [`autoencoder.safetensors`](autoencoder.safetensors) (SHA-256 `ab12`)")
                .contains("layers 0–3 are the encoder")
                .contains("--model <this directory>/autoencoder.safetensors");
        assertThat(Files.readString(dir.resolve(ReportWriter.METRICS)))
                .contains("\"file\": \"autoencoder.safetensors\"").contains("\"sha256\": \"ab12\"")
                .contains("\"loadedFrom\": null");
    }

    @Test
    void aLoadedAutoencoderIsReportedAsLoadedWithItsSourceAndChecksum() throws IOException {
        Path source = Path.of("/models/ae.safetensors");
        ReportWriter.write(report(new AutoencoderModel(new byte[] {4, 5}, "cd34", source)), dir);

        String md = Files.readString(dir.resolve(ReportWriter.REPORT));
        assertThat(md).contains("**loaded** from `" + source + "` (SHA-256 `cd34`), not trained in this run")
                .contains("| Autoencoder training time | Keras run: 222.75 s | not trained: loaded from `" + source + "` |")
                .doesNotContain("loss-ae.png");
        assertThat(dir.resolve(ReportWriter.LOSS_AE)).doesNotExist();
        assertThat(Files.readAllBytes(dir.resolve(ReportWriter.MODEL))).containsExactly(4, 5);
        assertThat(Files.readString(dir.resolve(ReportWriter.METRICS))).contains("\"loadedFrom\": \"" + source + "\"");
    }

    @Test
    void rewritingReplacesTheDirectoryLeavingNoTemporaries() throws IOException {
        Path out = dir.resolve("report");
        ReportWriter.write(report(), out);
        ReportWriter.write(report(), out);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    ReportWriter.FILES);
        }
    }
}
