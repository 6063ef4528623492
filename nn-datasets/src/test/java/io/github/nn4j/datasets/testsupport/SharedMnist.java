package io.github.nn4j.datasets.testsupport;

import io.github.nn4j.api.testsupport.Requirement;
import io.github.nn4j.datasets.mnist.Mnist;
import io.github.nn4j.datasets.mnist.MnistDataset;
import io.github.nn4j.datasets.mnist.MnistFileSet;
import io.github.nn4j.datasets.mnist.MnistLoader;
import io.github.nn4j.datasets.mnist.MnistLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real MNIST files for tests: the directory named by the system property {@code nn4j.mnist.dir} or
 * the environment variable {@code NN4J_DATA}, else {@code ../shared/data/mnist} relative to the project
 * root (the tests run in the module directory, one level below). Tests that need them are skipped, with
 * a message saying where the files were looked for, when they are absent (or fail, when the run enforces
 * {@link Requirement#MNIST}).
 */
public final class SharedMnist {
    private static Mnist cached;

    private SharedMnist() {
    }

    /** Candidate directories, in order. */
    public static List<Path> candidates() {
        List<Path> dirs = new java.util.ArrayList<>();
        String prop = System.getProperty("nn4j.mnist.dir");
        if (prop != null && !prop.isBlank()) {
            dirs.add(Path.of(prop));
        }
        String env = System.getenv(MnistLocator.ENV);
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        dirs.add(Path.of("..", "..", "shared", "data", "mnist").toAbsolutePath().normalize());
        dirs.add(Path.of("..", "shared", "data", "mnist").toAbsolutePath().normalize());
        return dirs;
    }

    /** The verified official files, or skips the calling test. */
    public static MnistFileSet filesOrSkip() throws IOException {
        List<Path> dirs = candidates();
        Path found = null;
        for (Path dir : dirs) {
            if (Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))) {
                found = dir;
                break;
            }
        }
        Requirement.MNIST.check(found != null, "MNIST data directory absent (looked in " + dirs
                + "); set -Dnn4j.mnist.dir=DIR or NN4J_DATA to run this test");
        return MnistDataset.options().directory(found).locate();
    }

    /** The loaded official dataset (read once per test JVM), or skips the calling test. */
    public static synchronized Mnist loadOrSkip() throws IOException {
        if (cached == null) {
            cached = MnistLoader.load(filesOrSkip());
        }
        return cached;
    }
}
