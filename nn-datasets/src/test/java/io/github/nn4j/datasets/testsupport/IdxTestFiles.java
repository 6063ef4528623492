package io.github.nn4j.datasets.testsupport;

import io.github.nn4j.datasets.idx.IdxReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests: image and label files, gzipped or cut short. */
public final class IdxTestFiles {
    private IdxTestFiles() {
    }

    /** The bytes of an IDX image file. */
    public static byte[] imageBytes(int count, int rows, int cols, byte[] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        }
        return bytes.toByteArray();
    }

    /** The bytes of an IDX label file. */
    public static byte[] labelBytes(byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        }
        return bytes.toByteArray();
    }

    /** {@code data} gzipped. */
    public static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code data} to {@code file} and returns the file. */
    public static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, data);
        return file;
    }

    /** Random pixels in 0..255 from a seeded generator. */
    public static byte[] randomPixels(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] px = new byte[n];
        for (int i = 0; i < n; i++) {
            px[i] = (byte) random.nextInt(256);
        }
        return px;
    }

    /** Labels 0..9 cycling, so that every class is present. */
    public static byte[] cyclingLabels(int n) {
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
        }
        return labels;
    }

    /** The first {@code n} bytes. */
    public static byte[] head(byte[] data, int n) {
        return Arrays.copyOf(data, n);
    }
}
