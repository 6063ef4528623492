package io.github.nn4j.models.cli;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.datasets.TrainValidationSplit;
import io.github.nn4j.datasets.mnist.Mnist;
import io.github.nn4j.datasets.mnist.MnistFileSet;
import io.github.nn4j.models.classifier.ClassifierExperiment;
import io.github.nn4j.models.classifier.ClassifierResult;
import io.github.nn4j.models.classifier.ClassifierSettings;
import io.github.nn4j.models.reporting.ClassifierReport;
import io.github.nn4j.models.reporting.ClassifierReportWriter;
import io.github.nn4j.models.reporting.ReportDirectory;
import io.github.nn4j.models.reporting.ReportWriter;
import io.github.nn4j.models.reproduce.MachineInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nn4j classify}: trains the supervised MLP (784-256-128-10) on MNIST's raw pixels, with early stopping on the
 * validation images, and writes a report with its curves, confusion matrix and model into {@code --out}.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Train an MLP classifier 784-256-128-10 (ReLU, dropout, softmax cross-entropy, SGD with momentum "
                + "and weight decay, a cosine schedule, early stopping on the 4,000 validation images) on MNIST's raw "
                + "pixels, and test it.",
            "Writes REPORT.md, metrics.json, loss-classifier.png, accuracy-classifier.png, confusion-matrix.png and "
                + "the trained network as " + ClassifierReportWriter.MODEL + " into --out."})
public final class ClassifyCommand implements Callable<Integer> {
    /** Fewest training images: a validation split of at least 1 in 15, and some to train on. */
    static final int MIN_TRAIN_IMAGES = 150;

    @Mixin
    BackendOption backend;

    @Mixin
    MnistDataOption data = new MnistDataOption();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report-classifier",
            description = "Directory for the report (default: ${DEFAULT-VALUE}), checked before any work. It is "
                    + "replaced as a whole, so it must hold nothing but an earlier report; an interrupted or failed "
                    + "run leaves the earlier report as it was.")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + ClassifierSettings.STANDARD_EPOCHS,
            description = "The most epochs, which the cosine schedule spans (default: ${DEFAULT-VALUE}); early "
                    + "stopping may end training sooner.")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + ClassifierSettings.STANDARD_BATCH_SIZE,
            description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "" + ClassifierSettings.STANDARD_LEARNING_RATE,
            description = "SGD's base learning rate, on a cosine schedule to 0 over --epochs (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--dropout", paramLabel = "RATE", defaultValue = "" + ClassifierSettings.STANDARD_HIDDEN_DROPOUT,
            description = "Dropout rate after each hidden layer (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--input-dropout", paramLabel = "RATE", defaultValue = "" + ClassifierSettings.STANDARD_INPUT_DROPOUT,
            description = "Dropout rate on the pixels (default: ${DEFAULT-VALUE}).")
    double inputDropout;

    @Option(names = "--weight-decay", paramLabel = "L", defaultValue = "" + ClassifierSettings.STANDARD_WEIGHT_DECAY,
            description = "SGD's L2 penalty (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "" + ClassifierSettings.STANDARD_PATIENCE,
            description = "Epochs without a better validation accuracy after which training stops (default: "
                    + "${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the split, the weights, the dropout masks and the shuffling (default: "
                    + "${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OptionChecks check = new OptionChecks(spec);
        check.atLeast("--epochs", epochs, 1);
        check.atLeast("--batch-size", batchSize, 1);
        check.atLeast("--patience", patience, 1);
        check.positiveFinite("--learning-rate", learningRate);
        check.rate("--dropout", dropout);
        check.rate("--input-dropout", inputDropout);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw check.invalid("--weight-decay", weightDecay, "must be a finite number >= 0");
        }
        data.check(check);
        try (ReportDirectory report = CommandRuns.prepareReport(spec, check, out)) {
            return run(report);
        }
    }

    private int run(ReportDirectory reportDirectory) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean interactive = System.console() != null;
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Backend be = backend.resolve();
        console.printf("nn4j classify on backend %s (%s)%n", be.name(), be.description());
        MnistDataOption.Loaded loaded = data.load(console, err, interactive, spec.name(), MIN_TRAIN_IMAGES);
        if (loaded == null) {
            return ReproduceCommand.EXIT_DATA;
        }
        MnistFileSet files = loaded.files();
        Mnist mnist = loaded.mnist();
        console.printf("%s from %s: %,d training and %,d test images%s%n",
                files.official() ? "MNIST" : "IDX data set (not MNIST)", files.directory(), mnist.train().count(),
                mnist.test().count(), files.verification() == MnistFileSet.Verification.NONE ? " (not verified)" : "");
        TrainValidationSplit split = TrainValidationSplit.stratified(mnist.train(),
                ReproduceCommand.validationImages(mnist.train().count()), seed);
        String splitDescription = String.format(Locale.ROOT, "the %,d %straining images split stratified by digit with"
                + " seed %d", mnist.train().count(), files.official() ? "official " : "", seed);

        ClassifierSettings settings = new ClassifierSettings(epochs, batchSize, learningRate,
                ClassifierSettings.STANDARD_MOMENTUM, weightDecay, inputDropout, dropout, patience, seed);
        int batch = Math.min(batchSize, split.train().count());
        console.printf("%n== MLP 784-256-128-10 on the raw pixels: up to %d epochs, batches of %d%n", epochs, batch);
        ClassifierResult result = new ClassifierExperiment(be, settings,
                List.of(new EpochProgressBar(console, split.train().count(), batch, interactive)))
                .run(split, mnist.test());

        double total = (System.nanoTime() - t0) / 1e9;
        ClassifierReport report = new ClassifierReport(CommandRuns.commandLine(spec), started, total, be.description(),
                MachineInfo.current(), files, split.train().count(), split.validation().count(), splitDescription,
                result);
        try {
            ReportWriter.Written written = reportDirectory.write(report);
            if (!written.fonts().usable()) {
                err.println("warning: " + written.fonts().problem());
            }
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return ReproduceCommand.EXIT_OUTPUT;
        }
        console.printf(Locale.ROOT, "%n== Summary (%s)%n", EpochProgressBar.clock(total));
        console.printf(Locale.ROOT, "  test accuracy %.4f (best validation accuracy %.4f after epoch %d%s)%n",
                result.testAccuracy(), result.validationAccuracy(), result.bestEpoch(),
                result.stoppedEpoch() > 0 ? ", stopped after epoch " + result.stoppedEpoch() : "");
        console.printf(Locale.ROOT, "  training %.1f s wall, %.1f s CPU on %s%n", result.fitSeconds(),
                result.cpuSeconds(), result.backend());
        console.printf("  report written to %s%n", reportDirectory.path().resolve(ClassifierReportWriter.REPORT));
        console.printf("  network saved as %s (SHA-256 %s)%n", reportDirectory.path().resolve(ClassifierReportWriter.MODEL),
                result.modelSha256());
        console.flush();
        return 0;
    }
}
