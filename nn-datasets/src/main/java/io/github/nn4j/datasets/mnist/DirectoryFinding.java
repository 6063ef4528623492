package io.github.nn4j.datasets.mnist;

import java.util.Objects;

/**
 * What the search for the data found in one directory, for messages: e.g. {@code does not exist},
 * {@code cannot be read: permission denied}, {@code missing [t10k-labels-idx1-ubyte.gz]}.
 *
 * @param directory the directory searched
 * @param finding   what was found there, in words
 */
public record DirectoryFinding(DataDirectory directory, String finding) {
    /**
     * Checks that both are present.
     *
     * @param directory the directory searched
     * @param finding   what was found there, in words
     */
    public DirectoryFinding {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(finding, "finding");
    }

    @Override
    public String toString() {
        return directory + ": " + finding;
    }
}
