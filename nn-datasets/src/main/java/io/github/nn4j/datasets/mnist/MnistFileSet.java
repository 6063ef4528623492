package io.github.nn4j.datasets.mnist;

import io.github.nn4j.datasets.files.Sha256Sums;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The four files of a data set in MNIST's layout, as found by {@link MnistLocator}, with their SHA-256 digests and
 * how they were checked.
 *
 * @param directory    where they are
 * @param files        the file of each part (gzipped or raw)
 * @param sha256       the SHA-256 of each file, lower-case hex (computed, whether or not it was verified)
 * @param verification what the digests were checked against
 * @param official     whether every file is the official MNIST file (its digest is the published one)
 * @param passedOver   the directories searched before this one, and why each was not used
 */
public record MnistFileSet(DataDirectory directory, Map<MnistPart, Path> files, Map<MnistPart, String> sha256,
        Verification verification, boolean official, List<DirectoryFinding> passedOver) {

    /** What the files' digests were checked against. */
    public enum Verification {
        /**
         * The published digests of the official MNIST files (and the {@value Sha256Sums#FILE_NAME} file beside them,
         * if there is one).
         */
        PUBLISHED_MNIST,
        /** The {@value Sha256Sums#FILE_NAME} file beside the data, which is not MNIST's. */
        SHA256SUMS,
        /** Nothing: verification was switched off. */
        NONE
    }

    /**
     * Copies the maps and the list and checks that every part has a file and a digest.
     *
     * @param directory    where the files are
     * @param files        the file of each part
     * @param sha256       the SHA-256 of each file
     * @param verification what the digests were checked against
     * @param official     whether every file is the official MNIST file
     * @param passedOver   the directories searched before this one, and why each was not used
     */
    public MnistFileSet {
        files = complete(files, "file", directory);
        sha256 = complete(sha256, "SHA-256", directory);
        passedOver = List.copyOf(passedOver);
    }

    private static <T> Map<MnistPart, T> complete(Map<MnistPart, T> map, String what, DataDirectory directory) {
        EnumMap<MnistPart, T> copy = new EnumMap<>(MnistPart.class);
        copy.putAll(map);
        for (MnistPart part : MnistPart.values()) {
            if (copy.get(part) == null) {
                throw new IllegalArgumentException("no " + what + " for " + part + " in " + directory);
            }
        }
        return Map.copyOf(copy);
    }

    /**
     * The file of a part.
     *
     * @param part the part
     * @return its file, gzipped or raw
     */
    public Path file(MnistPart part) {
        return files.get(part);
    }

    /**
     * The digest of a part's file.
     *
     * @param part the part
     * @return the SHA-256 of its file, lower-case hex
     */
    public String sha256(MnistPart part) {
        return sha256.get(part);
    }
}
