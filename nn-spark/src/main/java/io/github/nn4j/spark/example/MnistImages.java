package io.github.nn4j.spark.example;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * MNIST images and labels read from a pair of IDX files (gzipped, as published, or not), for the example. nn-models
 * has the project's full MNIST support (download, checksums); this reader is the example's own so that nn-spark, an
 * Apache-2.0 library, does not depend on the GPL-3.0 nn-models and Smile.
 *
 * <p>Strict: a wrong magic number, a non-positive dimension, a payload shorter than its header says, bytes after
 * it, a label outside 0..9 or counts that differ between the two files end in an {@link IOException} naming the
 * file and the problem.
 *
 * @param count  number of images
 * @param rows   rows per image
 * @param cols   columns per image
 * @param pixels {@code count * rows * cols} unsigned bytes, image after image, row-major
 * @param labels one digit per image
 */
public record MnistImages(int count, int rows, int cols, byte[] pixels, byte[] labels) implements Serializable {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    /** The training set's file names, as published. */
    public static final List<String> TRAIN = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
    /** The test set's file names, as published. */
    public static final List<String> TEST = List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    /** Where the example looks for MNIST when no directory is given, in order (the {@code ./nn4j} app's places). */
    public static List<Path> defaultDirectories() {
        List<Path> dirs = new ArrayList<>();
        String env = System.getenv("NN4J_DATA");
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        dirs.add(Path.of("..", "shared", "data", "mnist"));
        String cache = System.getenv("XDG_CACHE_HOME");
        Path cacheHome = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        dirs.add(cacheHome.resolve("nn4j").resolve("mnist"));
        return dirs;
    }

    /** The first of {@code dirs} that holds all four MNIST files, or {@code null}. */
    public static Path find(List<Path> dirs) {
        for (Path dir : dirs) {
            boolean all = true;
            for (String name : List.of(TRAIN.get(0), TRAIN.get(1), TEST.get(0), TEST.get(1))) {
                all &= Files.isRegularFile(dir.resolve(name));
            }
            if (all) {
                return dir;
            }
        }
        return null;
    }

    /**
     * Reads the first {@code limit} images and labels of a pair of files ({@link #TRAIN} or {@link #TEST} in
     * {@code dir}).
     */
    public static MnistImages read(Path dir, List<String> names, int limit) throws IOException {
        Path imageFile = dir.resolve(names.get(0));
        Path labelFile = dir.resolve(names.get(1));
        MnistImages images = readImages(imageFile, limit);
        byte[] labels = readLabels(labelFile, limit);
        if (labels.length != images.count()) {
            throw new IOException(labelFile + ": " + labels.length + " labels, but " + imageFile + " has "
                    + images.count() + " images");
        }
        return new MnistImages(images.count(), images.rows(), images.cols(), images.pixels(), labels);
    }

    /** Pixels per image. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** Image {@code i}'s pixels scaled to [0, 1] ({@code value / 255}). */
    public float[] scaled(int i) {
        int d = pixelsPerImage();
        float[] out = new float[d];
        for (int p = 0; p < d; p++) {
            out[p] = (pixels[i * d + p] & 0xFF) / 255f;
        }
        return out;
    }

    /** All images' pixels scaled to [0, 1], image after image. */
    public float[] scaled() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (pixels[i] & 0xFF) / 255f;
        }
        return out;
    }

    /** Image {@code i}'s digit. */
    public int label(int i) {
        return labels[i];
    }

    private static MnistImages readImages(Path file, int limit) throws IOException {
        try (DataInputStream in = open(file)) {
            return readImages(in, file, limit);
        } catch (EOFException | ZipException e) {
            throw damagedGzip(file, e);
        }
    }

    private static MnistImages readImages(DataInputStream in, Path file, int limit) throws IOException {
        magic(in, file, IMAGES_MAGIC);
        int count = dimension(in, file, "image count");
        int rows = dimension(in, file, "rows");
        int cols = dimension(in, file, "columns");
        if ((long) rows * cols > 1 << 20) {
            throw new IOException(file + ": images of " + rows + "x" + cols + " pixels are not MNIST's");
        }
        int kept = Math.min(count, limit);
        byte[] pixels = payload(in, file, (long) kept * rows * cols, 16);
        skipRest(in, file, (long) (count - kept) * rows * cols, 16 + (long) kept * rows * cols);
        return new MnistImages(kept, rows, cols, pixels, new byte[0]);
    }

    private static byte[] readLabels(Path file, int limit) throws IOException {
        try (DataInputStream in = open(file)) {
            return readLabels(in, file, limit);
        } catch (EOFException | ZipException e) {
            throw damagedGzip(file, e);
        }
    }

    private static byte[] readLabels(DataInputStream in, Path file, int limit) throws IOException {
        magic(in, file, LABELS_MAGIC);
        int count = dimension(in, file, "label count");
        int kept = Math.min(count, limit);
        byte[] labels = payload(in, file, kept, 8);
        for (int i = 0; i < kept; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new IOException(file + ": label " + (labels[i] & 0xFF) + " at offset " + (8 + i)
                        + " is not a digit");
            }
        }
        skipRest(in, file, count - kept, 8L + kept);
        return labels;
    }

    private static IOException damagedGzip(Path file, IOException e) {
        return new IOException(file + ": damaged gzip data (" + (e.getMessage() == null ? "it ends too early"
                : e.getMessage()) + ")", e);
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
    }

    private static void magic(DataInputStream in, Path file, int expected) throws IOException {
        int magic = header(in, file);
        if (magic != expected) {
            throw new IOException(file + ": magic number 0x" + Integer.toHexString(magic) + " at offset 0, expected 0x"
                    + Integer.toHexString(expected) + " (is this the right IDX file?)");
        }
    }

    private static int dimension(DataInputStream in, Path file, String what) throws IOException {
        int value = header(in, file);
        if (value <= 0) {
            throw new IOException(file + ": " + what + " is " + value + ", must be positive");
        }
        return value;
    }

    private static int header(DataInputStream in, Path file) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IOException(file + ": the file ends inside its header", e);
        }
    }

    private static byte[] payload(DataInputStream in, Path file, long length, long offset) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException(file + ": " + length + " bytes are more than one Java array holds");
        }
        byte[] data = in.readNBytes((int) length);
        if (data.length < length) {
            throw new IOException(file + ": truncated at offset " + (offset + data.length) + ", its header promises "
                    + length + " more bytes from offset " + offset);
        }
        return data;
    }

    private static void skipRest(DataInputStream in, Path file, long length, long offset) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long skipped = 0;
        while (skipped < length) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - skipped));
            if (n < 0) {
                break;
            }
            skipped += n;
        }
        if (skipped < length) {
            throw new IOException(file + ": truncated at offset " + (offset + skipped));
        }
        if (in.read() >= 0) {
            throw new IOException(file + ": bytes after the payload its header declares, at offset "
                    + (offset + length));
        }
    }
}
