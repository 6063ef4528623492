package io.github.nn4j.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.layer.Dropout;
import io.github.nn4j.api.layer.Normalization;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.datasets.mnist.MnistLocator;
import io.github.nn4j.datasets.testsupport.SyntheticDigits;
import io.github.nn4j.models.reporting.ClassifierReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClassifyCommandTest {
    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> environment = new HashMap<>();

    /** The command, searching only below {@code root}. */
    private int run(String... args) {
        ClassifyCommand command = new ClassifyCommand();
        command.data.environment = environment;
        command.data.userHome = root.resolve("home");
        command.data.workingDirectory = root.resolve("work/main");
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void helpDocumentsEveryOptionAndFile() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--backend", "--epochs", "--batch-size", "--seed", "--data", "--offline",
                "--learning-rate", "--dropout", "--input-dropout", "--weight-decay", "--patience",
                "--no-verify", "--mirror", "--out", "REPORT.md", "metrics.json", "loss-classifier.png",
                "accuracy-classifier.png", "confusion-matrix.png", "classifier.safetensors");
    }

    @Test
    void badOptionValuesAreRefusedBeforeAnyWork() throws IOException {
        Path file = Files.writeString(root.resolve("a-file"), "x");
        String[][] cases = {{"--epochs", "0"}, {"--batch-size", "-3"}, {"--patience", "0"}, {"--learning-rate", "0"},
            {"--dropout", "1"}, {"--input-dropout", "-0.1"}, {"--weight-decay", "-1"}, {"--mirror", "ftp://x/"},
            {"--out", file.toString()}, {"--data", root.resolve("typo").toString()}};
        String[] expected = {
            "Invalid value for option '--epochs': 0 (must be at least 1)",
            "Invalid value for option '--batch-size': -3 (must be at least 1)",
            "Invalid value for option '--patience': 0 (must be at least 1)",
            "Invalid value for option '--learning-rate': 0 (must be a positive number)",
            "Invalid value for option '--dropout': 1 (must be in [0, 1))",
            "Invalid value for option '--input-dropout': -0.1 (must be in [0, 1))",
            "Invalid value for option '--weight-decay': -1 (must be a finite number >= 0)",
            "Invalid value for option '--mirror': ftp://x/ (download URL must be http:// or https://, got ftp://x/)",
            "Invalid value for option '--out': " + file + " (" + file + " is a file, not a directory)",
            "Invalid value for option '--data': " + root.resolve("typo") + " (no such directory)"};
        for (int i = 0; i < cases.length; i++) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            String[] args = {"--backend", "pure", cases[i][0], cases[i][1]};
            assertThat(run(args)).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", cases[i])).startsWith(expected[i]).contains("Usage:");
            assertThat(out.toString()).as("nothing ran").isEmpty();
        }
    }

    @Test
    void withoutDataItSaysWhereItLooked() {
        environment.put(MnistLocator.ENV, root.resolve("nowhere").toString());
        assertThat(run("--offline", "--backend", "pure", "--out", root.resolve("report").toString()))
                .isEqualTo(ReproduceCommand.EXIT_DATA);
        assertThat(err.toString()).contains("MNIST was not found, and downloading is disabled (offline).",
                "--data DIR");
        assertThat(root.resolve("report")).doesNotExist();
    }

    @Test
    void trainsTestsAndWritesTheWholeReport() throws IOException {
        Path data = SyntheticDigits.write(root.resolve("digits"), 600, 100, true);
        Path report = root.resolve("report");

        int exit = run("--offline", "--backend", "pure", "--data", data.toString(), "--epochs", "3", "--batch-size",
                "32", "--out", report.toString());

        assertThat(exit).as(err.toString()).isZero();
        try (Stream<Path> files = Files.list(report)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(ClassifierReportWriter.FILES);
        }
        String json = Files.readString(report.resolve(ClassifierReportWriter.METRICS));
        // the synthetic digits are easy: a network that learned nothing would score about 0.1
        assertThat(json).containsPattern("\"testAccuracy\": (0\\.9\\d*|1\\.0),").contains("\"epochsTrained\": 3,",
                "\"confusionMatrix\": [", "\"precision\": [", "\"officialMnist\": false,");
        String md = Files.readString(report.resolve(ClassifierReportWriter.REPORT));
        assertThat(md).contains("# nn4j MNIST classifier", "| epoch | training loss | validation loss |",
                "| digit | precision | recall | test images |", "![Confusion matrix](confusion-matrix.png)",
                "**not MNIST**", "classifier.safetensors");
        assertThat(out.toString()).contains("test accuracy", "report written to");
        try (Network net = ModelFiles.load(report.resolve(ClassifierReportWriter.MODEL), Backends.get("pure"))) {
            assertThat(net.layers()).hasSize(9);
            assertThat(net.layers().get(0)).isInstanceOf(Normalization.class);
            assertThat(net.layers().get(1)).isInstanceOf(Dropout.class);
        }
    }
}
