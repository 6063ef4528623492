package io.github.nn4j.datasets.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests of files, as lower-case hex, and verification against an expected digest. */
public final class Sha256 {
    private Sha256() {
    }

    /** {@return a fresh SHA-256 message digest (every Java platform has one)} */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256 implementation", e);
        }
    }

    /**
     * The hex form of a digest.
     *
     * @param digest a digest that has been fed all the data; this finishes it
     * @return 64 lower-case hex digits
     */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The SHA-256 of a file's bytes.
     *
     * @param file the file
     * @return 64 lower-case hex digits
     * @throws IOException if the file cannot be read
     */
    public static String of(Path file) throws IOException {
        MessageDigest md = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
        }
        return hex(md);
    }

    /**
     * Checks that {@code file} hashes to {@code expectedHex} (case-insensitive).
     *
     * @param file        the file
     * @param expectedHex its expected SHA-256, hex
     * @throws ChecksumMismatchException naming the file, the expected and the found digest
     */
    public static void verify(Path file, String expectedHex) throws IOException {
        String found = of(file);
        if (!found.equalsIgnoreCase(expectedHex)) {
            throw new ChecksumMismatchException(file.toString(), expectedHex.toLowerCase(java.util.Locale.ROOT), found);
        }
    }
}
