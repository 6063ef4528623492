package io.github.nn4j.datasets.mnist;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names and SHA-256 digests under which one MNIST part is accepted: the gzipped file (what mirrors
 * serve and what is downloaded) and the uncompressed file (what some users already have).
 *
 * @param gzName     file name of the gzipped form, e.g. {@code train-images-idx3-ubyte.gz}
 * @param gzBytes    size of the gzipped file in bytes (a download that announces or sends more is refused)
 * @param gzSha256   SHA-256 of the gzipped file, hex
 * @param rawName    file name of the uncompressed form, e.g. {@code train-images-idx3-ubyte}
 * @param rawSha256  SHA-256 of the uncompressed file, hex
 */
public record MnistFileSpec(String gzName, long gzBytes, String gzSha256, String rawName, String rawSha256) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * Validates the names (plain file names), digests (64 hex digits) and size, and lower-cases the digests.
     *
     * @param gzName    file name of the gzipped form
     * @param gzBytes   size of the gzipped file in bytes
     * @param gzSha256  SHA-256 of the gzipped file, hex
     * @param rawName   file name of the uncompressed form
     * @param rawSha256 SHA-256 of the uncompressed file, hex
     */
    public MnistFileSpec {
        requireFileName(gzName);
        if (gzBytes <= 0) {
            throw new IllegalArgumentException("size of " + gzName + " must be positive: " + gzBytes);
        }
        requireFileName(rawName);
        gzSha256 = requireSha256(gzName, gzSha256);
        rawSha256 = requireSha256(rawName, rawSha256);
    }

    private static void requireFileName(String name) {
        Objects.requireNonNull(name, "file name");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
    }

    private static String requireSha256(String name, String sha) {
        Objects.requireNonNull(sha, "SHA-256 of " + name);
        if (!HEX64.matcher(sha).matches()) {
            throw new IllegalArgumentException("SHA-256 of " + name + " must be 64 hex digits: '" + sha + "'");
        }
        return sha.toLowerCase(Locale.ROOT);
    }
}
