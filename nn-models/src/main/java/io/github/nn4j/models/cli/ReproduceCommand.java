package io.github.nn4j.models.cli;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.datasets.TrainValidationSplit;
import io.github.nn4j.datasets.files.ChecksumMismatchException;
import io.github.nn4j.datasets.files.FileDownloader;
import io.github.nn4j.datasets.idx.IdxFormatException;
import io.github.nn4j.datasets.mnist.DirectoryFinding;
import io.github.nn4j.datasets.mnist.Mnist;
import io.github.nn4j.datasets.mnist.MnistCatalog;
import io.github.nn4j.datasets.mnist.MnistFileSet;
import io.github.nn4j.datasets.mnist.MnistLoader;
import io.github.nn4j.datasets.mnist.MnistLocator;
import io.github.nn4j.datasets.mnist.MnistNotFoundException;
import io.github.nn4j.datasets.mnist.MnistPart;
import io.github.nn4j.models.autoencoder.AutoencoderModel;
import io.github.nn4j.models.autoencoder.AutoencoderSettings;
import io.github.nn4j.models.classifier.ClassifierSettings;
import io.github.nn4j.models.reporting.ReportDirectory;
import io.github.nn4j.models.reporting.ReportWriter;
import io.github.nn4j.models.reporting.ReproductionReport;
import io.github.nn4j.models.reproduce.MachineInfo;
import io.github.nn4j.models.reproduce.MnistPipeline;
import io.github.nn4j.models.reproduce.MnistPipelineResult;
import io.github.nn4j.models.reproduce.MnistPipelineSettings;
import io.github.nn4j.models.svm.SvmSettings;
import io.github.nn4j.models.xor.XorExperiment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nn4j reproduce}: the report's experiments end to end (XOR, the MNIST autoencoder, the SVM on its
 * latent codes, and the PCA baseline), written as a report with figures into {@code --out}.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce the report: XOR, the MNIST autoencoder 784-128-64-128-784, an RBF SVM on its "
                + "64-d latent codes, and the same SVM on PCA-64 of the raw pixels as a baseline.",
            "Adds our own row: a supervised MLP on the raw pixels (as ./nn4j classify trains it).",
            "Writes REPORT.md, metrics.json, loss-xor.png, loss-ae.png, reconstructions.png, "
                + "confusion-matrix.png and the trained autoencoder as " + ReportWriter.MODEL + " into --out."})
public final class ReproduceCommand implements Callable<Integer> {
    /** Exit code when the MNIST data cannot be found, downloaded or read. */
    static final int EXIT_DATA = 4;
    /** Exit code when the report cannot be written (the earlier report, if any, is then unchanged). */
    static final int EXIT_OUTPUT = 5;
    /** Exit code when {@code --model} cannot be read or does not hold an autoencoder. */
    static final int EXIT_MODEL = InspectCommand.EXIT_MODEL;
    /** Size of the validation split, taken from MNIST's 60,000 training images (smaller data sets: 1 in 15). */
    static final int VALIDATION_IMAGES = 4_000;
    /** Fewest training images the pipeline accepts (a validation split, and more images than PCA components). */
    static final int MIN_TRAIN_IMAGES = 150;
    /** Training images in a {@code --quick} run. */
    static final int QUICK_TRAIN_IMAGES = 5_000;
    /** Validation images in a {@code --quick} run. */
    static final int QUICK_VALIDATION_IMAGES = 1_000;
    /** Epochs of a {@code --quick} run unless {@code --epochs} says otherwise. */
    static final int QUICK_EPOCHS = 5;

    @Mixin
    BackendOption backend;

    @Mixin
    MnistDataOption data = new MnistDataOption();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report",
            description = "Directory for the report and figures (default: ${DEFAULT-VALUE}), checked before any work. "
                    + "It is replaced as a whole, so it must hold nothing but an earlier report; an interrupted or "
                    + "failed run leaves the earlier report as it was.")
    Path out;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Autoencoder epochs (default: 50, the report's; " + QUICK_EPOCHS + " with --quick).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + AutoencoderSettings.DEFAULT_BATCH_SIZE,
            description = "Autoencoder mini-batch size (default: ${DEFAULT-VALUE}; the report does not give one). More "
                    + "than the training images means full-batch training, which the report then says.")
    int batchSize;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the split, the weights, the shuffling and the SVM (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Reuse the autoencoder saved in FILE (e.g. report/" + ReportWriter.MODEL + " of an earlier "
                    + "run) instead of training it; the SVM stages run on its codes. --epochs and --batch-size do not "
                    + "apply then.")
    Path model;

    @Option(names = "--quick", description = "A first look in about a minute: " + QUICK_TRAIN_IMAGES
            + " training images, " + QUICK_EPOCHS + " epochs, a smaller SVM grid. Not comparable with the report.")
    boolean quick;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OptionChecks check = new OptionChecks(spec);
        if (epochs != null) {
            check.atLeast("--epochs", epochs, 1);
        }
        check.atLeast("--batch-size", batchSize, 1);
        data.check(check);
        try (ReportDirectory report = CommandRuns.prepareReport(spec, check, out)) {
            return run(report);
        }
    }

    private int run(ReportDirectory reportDirectory) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter console = spec.commandLine().getOut();
        boolean interactive = System.console() != null;
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Backend be = backend.resolve();
        console.printf("nn4j reproduce on backend %s (%s)%n", be.name(), be.description());
        AutoencoderModel pretrained = null;
        if (model != null) {
            try {
                pretrained = AutoencoderModel.read(model.toAbsolutePath().normalize());
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: cannot use --model: " + InspectCommand.describe(e));
                return EXIT_MODEL;
            }
            console.printf("Autoencoder from %s (SHA-256 %s): not training it%n", model, pretrained.sha256());
        }

        MnistDataOption.Loaded loaded = data.load(console, spec.commandLine().getErr(), interactive, spec.name(),
                MIN_TRAIN_IMAGES);
        if (loaded == null) {
            return EXIT_DATA;
        }
        MnistFileSet files = loaded.files();
        Mnist mnist = loaded.mnist();
        console.printf("%s from %s: %,d training and %,d test images%s%n",
                files.official() ? "MNIST" : "IDX data set (not MNIST)", files.directory(), mnist.train().count(),
                mnist.test().count(), files.verification() == MnistFileSet.Verification.NONE ? " (not verified)" : "");

        int validationImages = validationImages(mnist.train().count());
        TrainValidationSplit split = TrainValidationSplit.stratified(mnist.train(), validationImages, seed);
        String subset = "";
        if (quick && (split.train().count() > QUICK_TRAIN_IMAGES
                || split.validation().count() > QUICK_VALIDATION_IMAGES)) {
            split = new TrainValidationSplit(split.train().head(QUICK_TRAIN_IMAGES),
                    split.validation().head(QUICK_VALIDATION_IMAGES));
            subset = f(", then the first %,d and %,d of each part", split.train().count(),
                    split.validation().count());
        }
        String splitDescription = f("the %,d %straining images split stratified by digit with seed %d%s",
                mnist.train().count(), files.official() ? "official " : "", seed, subset);

        console.printf("%n== XOR%n");
        XorExperiment.Config xorConfig = XorExperiment.Config.report(seed);
        long xorStart = System.nanoTime();
        XorExperiment.Result xor = XorExperiment.run(be, xorConfig, null);
        double xorSeconds = (System.nanoTime() - xorStart) / 1e9;
        console.printf(Locale.ROOT, "  predictions %.4f %.4f %.4f %.4f -> %s (%.1f s)%n", xor.predictions()[0],
                xor.predictions()[1], xor.predictions()[2], xor.predictions()[3],
                xor.solved() ? "XOR solved" : "NOT solved", xorSeconds);

        int aeEpochs = epochs != null ? epochs : quick ? QUICK_EPOCHS : AutoencoderSettings.REPORT_EPOCHS;
        int batch = Math.min(batchSize, split.train().count());
        if (batch < batchSize && pretrained == null) {
            console.printf("note: --batch-size %d is more than the %,d training images: training full-batch%n",
                    batchSize, batch);
        }
        ClassifierSettings classifier = ClassifierSettings.standard(seed);
        if (quick) {
            classifier = classifier.with(QUICK_EPOCHS, classifier.batchSize());
        }
        MnistPipelineSettings settings = new MnistPipelineSettings(
                new AutoencoderSettings(aeEpochs, batch, AutoencoderSettings.REPORT_LEARNING_RATE, seed),
                quick ? SvmSettings.quick(seed) : SvmSettings.standard(seed), 64, classifier);
        MnistPipelineResult result = MnistPipeline.run(be, split, mnist.test(), settings,
                new ConsolePipelineListener(console, interactive, split.train().count(), batch,
                        Math.min(classifier.batchSize(), split.train().count())), pretrained);

        double total = (System.nanoTime() - t0) / 1e9;
        String command = CommandRuns.commandLine(spec);
        ReproductionReport report = new ReproductionReport(command, started, total, be.name(), be.description(),
                MachineInfo.current(), files, quick, seed, splitDescription, xorConfig, xor, xorSeconds, result);
        try {
            ReportWriter.Written written = reportDirectory.write(report);
            if (!written.fonts().usable()) {
                spec.commandLine().getErr().println("warning: " + written.fonts().problem());
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return EXIT_OUTPUT;
        }

        console.printf(Locale.ROOT, "%n== Summary (%s)%n", EpochProgressBar.clock(total));
        console.printf(Locale.ROOT, "  autoencoder test MSE: %.3f per image, %.5f per pixel (%s)%n",
                result.autoencoder().testError().perImageSum(), result.autoencoder().testError().perPixelMean(),
                pretrained == null ? String.format(Locale.ROOT, "training %.1f s", result.autoencoder().trainingSeconds())
                        : "loaded, not trained");
        console.printf(Locale.ROOT, "  SVM test accuracy: %.4f on the latent codes, %.4f on PCA-64%n",
                result.latentSvm().testAccuracy(), result.pcaSvm().testAccuracy());
        console.printf(Locale.ROOT, "  our addition, a supervised MLP on the raw pixels: test accuracy %.4f%n",
                result.classifier().testAccuracy());
        console.printf("  report written to %s%n", reportDirectory.path().resolve(ReportWriter.REPORT));
        console.printf("  autoencoder saved as %s (SHA-256 %s)%n", reportDirectory.path().resolve(ReportWriter.MODEL),
                result.autoencoder().model().sha256());
        console.flush();
        return 0;
    }

    /**
     * Validation images split off the training images: 1 in 15, at most {@value #VALIDATION_IMAGES} (on MNIST's
     * 60,000, exactly that).
     */
    static int validationImages(int trainImages) {
        return Math.min(VALIDATION_IMAGES, trainImages / 15);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
