package io.github.nn4j.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.datasets.files.Sha256;
import io.github.nn4j.datasets.mnist.MnistCatalog;
import io.github.nn4j.datasets.mnist.MnistLocator;
import io.github.nn4j.datasets.mnist.MnistPart;
import io.github.nn4j.datasets.testsupport.SyntheticDigits;
import io.github.nn4j.models.reporting.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReproduceCommandTest {
    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> environment = new HashMap<>();

    /** The command, searching only below {@code root} (no environment, a fresh home and working directory). */
    private int run(String... args) {
        ReproduceCommand command = new ReproduceCommand();
        command.data.environment = environment;
        command.data.userHome = root.resolve("home");
        command.data.workingDirectory = root.resolve("work/main");
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** The fastest settings the app has: a few hundred images, one epoch, the quick SVM grid. */
    private int runQuick(Path data, Path report, String... more) {
        String[] base = {"--offline", "--backend", "pure", "--quick", "--epochs", "1", "--data", data.toString(),
            "--out", report.toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    @Test
    void helpDocumentsEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--backend", "--epochs", "--batch-size", "--seed", "--data",
                "--offline", "--quick", "--out", "--mirror", "--no-verify", "--model", "REPORT.md", "confusion-matrix.png",
                "autoencoder.safetensors");
    }

    @Test
    void aModelThatIsNotThereOrDamagedStopsBeforeAnyWork() throws Exception {
        Path missing = root.resolve("none.safetensors");
        assertThat(run("--model", missing.toString(), "--backend", "pure", "--offline")).isEqualTo(ReproduceCommand.EXIT_MODEL);
        assertThat(err.toString()).contains("error: cannot use --model: " + missing.toAbsolutePath().normalize() + ": no such file");

        Path damaged = java.nio.file.Files.write(root.resolve("damaged.safetensors"), new byte[] {1, 2, 3});
        assertThat(run("--model", damaged.toString(), "--backend", "pure", "--offline")).isEqualTo(ReproduceCommand.EXIT_MODEL);
        assertThat(err.toString()).contains("error: cannot use --model: " + damaged.toAbsolutePath().normalize() + ": too short for a safetensors file");
        assertThat(out.toString()).doesNotContain("MNIST from");

        Path endless = Path.of("/dev/zero");
        if (java.nio.file.Files.isReadable(endless)) {
            assertThat(run("--model", endless.toString(), "--backend", "pure", "--offline")).isEqualTo(ReproduceCommand.EXIT_MODEL);
            assertThat(err.toString()).contains("error: cannot use --model: /dev/zero: too short for a safetensors file");
        }
    }

    @Test
    void badOptionValuesAreRefusedBeforeAnyWorkInPicocliWords() throws IOException {
        Path file = Files.writeString(root.resolve("a-file"), "x");
        String[][] cases = {
            {"--epochs", "0"}, {"--epochs", "-1"}, {"--batch-size", "0"}, {"--mirror", "ftp://x/"},
            {"--offline", "--mirror", "ftp://x/"}, {"--mirror", "http:///nohost"}, {"--out", "/proc/nn4j-report"},
            {"--out", file.toString()}, {"--data", root.resolve("typo").toString()}, {"--data", file.toString()}};
        String[] expected = {
            "Invalid value for option '--epochs': 0 (must be at least 1)",
            "Invalid value for option '--epochs': -1 (must be at least 1)",
            "Invalid value for option '--batch-size': 0 (must be at least 1)",
            "Invalid value for option '--mirror': ftp://x/ (download URL must be http:// or https://, got ftp://x/)",
            "Invalid value for option '--mirror': ftp://x/ (download URL must be http:// or https://, got ftp://x/)",
            "Invalid value for option '--mirror': http:///nohost (download URL has no host: http:///nohost)",
            "Invalid value for option '--out': /proc/nn4j-report (cannot write in /proc: ",
            "Invalid value for option '--out': " + file + " (" + file + " is a file, not a directory)",
            "Invalid value for option '--data': " + root.resolve("typo") + " (no such directory)",
            "Invalid value for option '--data': " + file + " (not a directory)"};
        for (int i = 0; i < cases.length; i++) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            String[] args = new String[cases[i].length + 2];
            args[0] = "--backend";
            args[1] = "pure";
            System.arraycopy(cases[i], 0, args, 2, cases[i].length);
            if (cases[i][0].equals("--out") && !Files.isDirectory(Path.of("/proc/self"))) {
                continue; // no /proc here
            }

            int exit = run(args);

            assertThat(exit).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", cases[i])).startsWith(expected[i]).contains("Usage:");
            assertThat(out.toString()).as("nothing ran").isEmpty();
        }
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void offlineWithoutDataFailsNamingEveryPlaceItLooked() {
        Path data = root.resolve("my-data");
        environment.put(MnistLocator.ENV, data.toString());

        int exit = run("--offline", "--backend", "pure", "--out", root.resolve("report").toString());

        assertThat(exit).isEqualTo(ReproduceCommand.EXIT_DATA);
        assertThat(err.toString())
                .contains("MNIST was not found, and downloading is disabled (offline).")
                .contains("1. " + data + " (NN4J_DATA): does not exist")
                .contains("3. " + root.resolve("work/shared/data/mnist") + " (../shared/data/mnist): does not exist")
                .contains("4. " + root.resolve("home/.cache/nn4j/mnist") + " (user cache): does not exist");
        assertThat(root.resolve("report")).doesNotExist();
    }

    @Test
    void withoutMnistAndWithoutNetworkTheErrorSaysWhereItLookedWhatForAndWhatToDo() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort(); // closed again below: connections to it are refused, as with no network
        }
        String mirror = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + "/mnist/";
        Path env = root.resolve("env-data");
        Files.createDirectories(env.resolve("mnist"));
        environment.put(MnistLocator.ENV, env.toString());

        int exit = run("--backend", "pure", "--mirror", mirror, "--out", root.resolve("report").toString());

        assertThat(exit).isEqualTo(ReproduceCommand.EXIT_DATA);
        String cache = root.resolve("home/.cache/nn4j/mnist").toString();
        assertThat(err.toString())
                .contains("error: MNIST was not found, and downloading it from " + mirror + " failed: GET " + mirror
                        + "train-images-idx3-ubyte.gz failed: could not connect to ")
                .contains("Searched, in this order:\n"
                        + "  1. " + env + " (NN4J_DATA): none of the four files\n"
                        + "  2. " + env.resolve("mnist") + " (NN4J_DATA): none of the four files\n"
                        + "  3. " + root.resolve("work/shared/data/mnist") + " (../shared/data/mnist): does not exist\n"
                        + "  4. " + cache + " (user cache): does not exist\n")
                .contains("train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "
                        + "t10k-labels-idx1-ubyte.gz")
                .contains("Get them from " + MnistLocator.DEFAULT_MIRROR)
                .contains("--data DIR", "NN4J_DATA=DIR", "--mirror URL", "--offline");
        assertThat(root.resolve("report")).doesNotExist();
    }

    @Test
    void anotherIdxDataSetRunsVerifiedByItsSha256SumsAndTheReportNamesIt() throws IOException {
        Path data = SyntheticDigits.write(root.resolve("digits"), 300, 60, true);
        Path report = root.resolve("report");

        int exit = runQuick(data, report);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("IDX data set (not MNIST) from " + data + " (--data): 300 training and 60 "
                + "test images");
        String md = Files.readString(report.resolve(ReportWriter.REPORT));
        assertThat(md)
                .contains("- Data: **not MNIST**: an IDX data set in MNIST's layout from " + data + " (--data); "
                        + "SHA-256 verified against " + data.resolve("SHA256SUMS"))
                .contains("  - `train-images-idx3-ubyte` `" + Sha256.of(data.resolve("train-images-idx3-ubyte")) + "`")
                .contains("  - `t10k-labels-idx1-ubyte` `" + Sha256.of(data.resolve("t10k-labels-idx1-ubyte")) + "`")
                .contains("## Results", "| | nn4j (this run) |")
                .doesNotContain("| the report |", "0.9826");
        assertThat(Files.readString(report.resolve(ReportWriter.METRICS))).contains("\"officialMnist\": false,",
                "\"verification\": \"SHA256SUMS\",");
    }

    @Test
    void withNoVerifyAnUnverifiableDataSetRunsAndTheReportSaysItWasNotVerified() throws IOException {
        Path data = SyntheticDigits.write(root.resolve("digits"), 300, 60, false);
        Path report = root.resolve("report");
        // found through NN4J_DATA, while --data names a directory without data: that deserves a warning
        environment.put(MnistLocator.ENV, data.toString());
        Path empty = Files.createDirectories(root.resolve("empty"));

        int refused = runQuick(empty, report);
        String refusal = err.toString();
        err.getBuffer().setLength(0);
        int exit = runQuick(empty, report, "--no-verify", "--batch-size", "100000");

        assertThat(refused).isEqualTo(ReproduceCommand.EXIT_DATA);
        assertThat(refusal).contains(data.resolve("train-images-idx3-ubyte") + ": SHA-256 mismatch, expected "
                + MnistCatalog.OFFICIAL.spec(MnistPart.TRAIN_IMAGES).rawSha256())
                .contains("the published one of the official MNIST file", "put a SHA256SUMS file beside", "--no-verify");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("warning: --data " + empty + " was not used (" + empty + ": none of the "
                + "four files; " + empty.resolve("mnist") + ": does not exist); using the data in " + data
                + " (NN4J_DATA)");
        // a batch larger than the training set: full-batch, and said so
        assertThat(out.toString()).contains("note: --batch-size 100000 is more than the 280 training images: "
                + "training full-batch");
        assertThat(Files.readString(report.resolve(ReportWriter.REPORT)))
                .contains(", 1 epochs, full batch (every step on all the images), on 280 images;")
                .doesNotContain("shuffled every epoch") // the autoencoder's mini-batch phrase
                .contains("- Data: **not MNIST**: an IDX data set in MNIST's layout from " + data
                        + " (NN4J_DATA); **not verified** (`--no-verify`)")
                .contains("`t10k-images-idx3-ubyte` `" + Sha256.of(data.resolve("t10k-images-idx3-ubyte")) + "`");
    }
}
