package io.github.nn4j.datasets.mnist;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory that may hold the MNIST files, with where it came from (for messages).
 *
 * @param path   the directory
 * @param origin how it was chosen, e.g. {@code --data}, {@code NN4J_DATA}, {@code user cache}
 */
public record DataDirectory(Path path, String origin) {
    /**
     * Checks that both are present.
     *
     * @param path   the directory
     * @param origin how it was chosen
     */
    public DataDirectory {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return path + " (" + origin + ")";
    }
}
