package io.github.nn4j.datasets.mnist;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The data files are in none of the searched directories, and downloading them was not allowed or failed. The
 * message lists every directory searched, in order, with what was found there, the four file names expected, and
 * where to get them; the same facts are available one by one for a caller that words its own advice (e.g. the
 * command-line options that change the search).
 */
public class MnistNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Every directory searched (not serialized: paths need not be). */
    private final transient List<DirectoryFinding> searched;
    /** The file names looked for. */
    private final List<String> expectedFiles;
    /** The base URL of the download that failed, or {@code null}. */
    private final URI mirror;

    /**
     * @param searched       every directory searched, in order, with what was found there
     * @param expectedFiles  the file names looked for (gzipped names; the raw ones drop {@code .gz})
     * @param mirror         the base URL a download was tried from, or {@code null} when downloading is disabled
     * @param downloadFailed why the download failed, or {@code null} when none was tried
     */
    public MnistNotFoundException(List<DirectoryFinding> searched, List<String> expectedFiles, URI mirror,
            IOException downloadFailed) {
        super(message(searched, expectedFiles, mirror, downloadFailed), downloadFailed);
        this.searched = List.copyOf(searched);
        this.expectedFiles = List.copyOf(expectedFiles);
        this.mirror = mirror;
    }

    private static String message(List<DirectoryFinding> searched, List<String> expectedFiles, URI mirror,
            IOException downloadFailed) {
        StringBuilder sb = new StringBuilder();
        if (mirror == null) {
            sb.append("MNIST was not found, and downloading is disabled (offline).");
        } else {
            sb.append("MNIST was not found, and downloading it from ").append(mirror).append(" failed: ")
                    .append(downloadFailed == null ? "unknown reason" : downloadFailed.getMessage());
        }
        sb.append("\nSearched, in this order:");
        for (int i = 0; i < searched.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(searched.get(i));
        }
        sb.append("\nExpected in one directory, gzipped or not (without .gz): ")
                .append(String.join(", ", expectedFiles)).append('.');
        sb.append("\nGet them from ").append(MnistLocator.DEFAULT_MIRROR)
                .append(" (or another MNIST mirror) on a machine with network access.");
        return sb.toString();
    }

    /** {@return every directory searched, in order, with what was found there} */
    public List<DirectoryFinding> searched() {
        return searched;
    }

    /** {@return the four file names looked for} */
    public List<String> expectedFiles() {
        return expectedFiles;
    }

    /** {@return the base URL a download was tried from; empty when downloading is disabled} */
    public Optional<URI> mirror() {
        return Optional.ofNullable(mirror);
    }
}
