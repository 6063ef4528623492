package io.github.nn4j.models.cli;

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
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The data options of the commands that train on MNIST ({@code --data}, {@code --offline}, {@code --no-verify},
 * {@code --mirror}; a picocli mixin), and finding, verifying and loading the data with them: the one place where the
 * app turns these options into images or into an error that says what was searched and what to do.
 */
public final class MnistDataOption {
    /** Side of an image in MNIST's layout. */
    static final int MNIST_SIDE = 28;
    /** What a user can do when the data is not found; the locator's message says what was searched. */
    static final String DATA_OPTIONS = """
            Then either:
              --data DIR      read the files from DIR (also DIR/mnist)
              NN4J_DATA=DIR   the same, from the environment
              --mirror URL    download them from another mirror (a base URL that serves the four .gz files)
              --offline       never download; search only the directories above""";

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the four MNIST files (gzipped or raw), or another data set in MNIST's "
                    + "layout (28x28 images, labels 0-9) under the same names, verified against a SHA256SUMS file "
                    + "beside it. Searched first; then NN4J_DATA, ../shared/data/mnist, and the user cache "
                    + "~/.cache/nn4j/mnist.")
    Path data;

    @Option(names = "--offline", description = "Never download MNIST; fail if it is not found locally.")
    boolean offline;

    @Option(names = "--no-verify", description = "Use the data files without checking their SHA-256 (against a "
            + "SHA256SUMS file beside them, else MNIST's published digests); the report says they were not verified.")
    boolean noVerify;

    @Option(names = "--mirror", paramLabel = "URL", defaultValue = "${sys:nn4j.mnist.mirror:-"
            + MnistLocator.DEFAULT_MIRROR + "}",
            description = "Base URL to download the gzipped MNIST files from (default: ${DEFAULT-VALUE}).")
    URI mirror;

    /** Where the data search looks; tests replace these to isolate themselves from the machine. */
    Map<String, String> environment = System.getenv();
    Path userHome = Path.of(System.getProperty("user.home"));
    Path workingDirectory = Path.of("").toAbsolutePath();

    /** The data set found and loaded. */
    record Loaded(MnistFileSet files, Mnist mnist) {
    }

    /** Checks the options' values, before any work. */
    void check(OptionChecks check) {
        check.downloadUrl("--mirror", mirror); // with --offline too: a wrong value is a mistake either way
        if (data != null) {
            check.readableDirectory("--data", data);
        }
    }

    /**
     * Finds, verifies and loads the data, at least {@code minTrainImages} training images of 28x28 pixels.
     *
     * @param command the command's name, for messages ("reproduce needs ...")
     * @return the data, or {@code null} after printing to {@code err} why there is none
     */
    Loaded load(PrintWriter console, PrintWriter err, boolean interactive, String command, int minTrainImages) {
        try {
            MnistFileSet files = locator(console, interactive).locate();
            warnIfDataOptionUnused(files, err);
            Mnist mnist = MnistLoader.load(files);
            requireMnistLayout(files, mnist, command, minTrainImages);
            return new Loaded(files, mnist);
        } catch (MnistNotFoundException e) {
            err.println("error: " + e.getMessage() + "\n" + DATA_OPTIONS);
        } catch (ChecksumMismatchException e) {
            boolean cached = Path.of(e.source()).startsWith(MnistLocator.standardCacheDir(environment, userHome));
            err.println("error: " + e.getMessage() + "." + (cached ? ""
                    : "\n(--no-verify skips verification; the report then says the data was not verified.)"));
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
        }
        return null;
    }

    /** The command's assumptions about the data: 28x28 images, enough of them, some test images. */
    private static void requireMnistLayout(MnistFileSet files, Mnist mnist, String command, int minTrainImages)
            throws IOException {
        if (mnist.train().rows() != MNIST_SIDE || mnist.train().cols() != MNIST_SIDE) {
            throw new IdxFormatException(files.file(MnistPart.TRAIN_IMAGES), "images are " + mnist.train().rows()
                    + "x" + mnist.train().cols() + "; " + command + " needs MNIST's layout, 28x28 images");
        }
        if (mnist.train().count() < minTrainImages) {
            throw new IdxFormatException(files.file(MnistPart.TRAIN_IMAGES), "has " + mnist.train().count()
                    + " images; " + command + " needs at least " + minTrainImages + " training images");
        }
        if (mnist.test().count() == 0) {
            throw new IdxFormatException(files.file(MnistPart.TEST_IMAGES), "has no images");
        }
    }

    /** A --data directory that was given but passed over is worth a warning: the user meant to use it. */
    private void warnIfDataOptionUnused(MnistFileSet files, PrintWriter err) {
        List<String> findings = new ArrayList<>();
        for (DirectoryFinding f : files.passedOver()) {
            if (f.directory().origin().equals("--data")) {
                findings.add(f.directory().path() + ": " + f.finding());
            }
        }
        if (!findings.isEmpty()) {
            err.printf("warning: --data %s was not used (%s); using the data in %s%n", data,
                    String.join("; ", findings), files.directory());
        }
    }

    private MnistLocator locator(PrintWriter console, boolean interactive) {
        FileDownloader downloader = offline ? null
                : new FileDownloader(mirror, FileDownloader.Timeouts.STANDARD,
                        new DownloadProgressBar(console, interactive));
        return new MnistLocator(MnistCatalog.OFFICIAL,
                MnistLocator.standardSearchPath(data, environment, workingDirectory, userHome),
                MnistLocator.standardCacheDir(environment, userHome), downloader, !noVerify);
    }
}
