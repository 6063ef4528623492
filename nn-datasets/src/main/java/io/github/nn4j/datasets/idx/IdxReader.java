package io.github.nn4j.datasets.idx;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes, the format of the MNIST files, gzipped or raw (detected from the
 * gzip magic bytes, not the file name).
 *
 * <p>An IDX file is a big-endian header, then the payload: the magic number {@code 0x00000803} for
 * rank-3 data (images: count, rows, columns) or {@code 0x00000801} for rank-1 data (labels: count),
 * then one 32-bit dimension per rank, then the bytes. The reader is strict: a wrong magic number, a
 * dimension that is not positive, a payload shorter than the header declares, bytes after the declared
 * payload, or a damaged gzip stream each raise an {@link IdxFormatException} naming the file and the
 * offset (in the uncompressed IDX data) where the problem was found. It never returns a partial result.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private IdxReader() {
    }

    /**
     * Reads an image file (magic {@code 0x00000803}).
     *
     * @param file the file, gzipped or raw
     * @return its images
     * @throws IdxFormatException naming the file and the offset when the file is not a well-formed image file
     * @throws IOException        when the file cannot be read
     */
    public static IdxImages readImages(Path file) throws IOException {
        try (OffsetCountingStream in = open(file)) {
            try {
                requireMagic(in, file, IMAGES_MAGIC, "images: unsigned bytes, 3 dimensions");
                int count = readDimension(in, file, "image count", true);
                int rows = readDimension(in, file, "rows", false);
                int cols = readDimension(in, file, "columns", false);
                // count * rows < 2^62 fits a long; the third factor may not (the fuzz test found that product
                // wrapping round to a small or negative size)
                long countTimesRows = (long) count * rows;
                if (countTimesRows > (Integer.MAX_VALUE - 8) / cols) {
                    throw new IdxFormatException(file, "header declares " + count + " images of " + rows + "x"
                            + cols + " = " + BigInteger.valueOf(countTimesRows).multiply(BigInteger.valueOf(cols))
                            + " bytes, more than a Java array holds");
                }
                long size = countTimesRows * cols;
                byte[] pixels = readPayload(in, file, (int) size, count + " images of " + rows + "x" + cols);
                requireEnd(in, file);
                return new IdxImages(count, rows, cols, pixels);
            } catch (ZipException | EOFException e) {
                throw damagedGzip(file, in, e);
            }
        }
    }

    /**
     * Reads a label file (magic {@code 0x00000801}).
     *
     * @param file the file, gzipped or raw
     * @return one unsigned byte per item
     * @throws IdxFormatException naming the file and the offset when the file is not a well-formed label file
     * @throws IOException        when the file cannot be read
     */
    public static byte[] readLabels(Path file) throws IOException {
        try (OffsetCountingStream in = open(file)) {
            try {
                requireMagic(in, file, LABELS_MAGIC, "labels: unsigned bytes, 1 dimension");
                int count = readDimension(in, file, "label count", true);
                byte[] labels = readPayload(in, file, count, count + " labels");
                requireEnd(in, file);
                return labels;
            } catch (ZipException | EOFException e) {
                throw damagedGzip(file, in, e);
            }
        }
    }

    /**
     * Size of the header of an IDX file.
     *
     * @param rank the number of dimensions
     * @return the header's bytes: the magic number and one 4-byte size per dimension
     */
    public static int headerBytes(int rank) {
        return 4 + 4 * rank;
    }

    // ------------------------------------------------------------------------------------------ internals

    private static OffsetCountingStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
                try {
                    return new OffsetCountingStream(new GZIPInputStream(raw, 1 << 16));
                } catch (ZipException | EOFException e) {
                    throw new IdxFormatException(file, "damaged gzip header: " + e.getMessage(), e);
                }
            }
            return new OffsetCountingStream(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static void requireMagic(OffsetCountingStream in, Path file, int expected, String meaning)
            throws IOException {
        int magic = readInt(in, file, "magic number");
        if (magic != expected) {
            String hint = "";
            if (magic == IMAGES_MAGIC) {
                hint = " (this is an image file)";
            } else if (magic == LABELS_MAGIC) {
                hint = " (this is a label file)";
            }
            throw new IdxFormatException(file, String.format(
                    "bad magic number 0x%08X at offset 0, expected 0x%08X (%s)%s", magic, expected, meaning, hint));
        }
    }

    private static int readDimension(OffsetCountingStream in, Path file, String name, boolean zeroAllowed)
            throws IOException {
        long offset = in.offset();
        int value = readInt(in, file, name);
        if (value < 0 || (value == 0 && !zeroAllowed)) {
            throw new IdxFormatException(file, "bad " + name + " " + value + " at offset " + offset);
        }
        return value;
    }

    private static int readInt(OffsetCountingStream in, Path file, String name) throws IOException {
        long offset = in.offset();
        byte[] b = in.readNBytes(4);
        if (b.length < 4) {
            throw new IdxFormatException(file, "truncated header: the file ends at offset " + in.offset()
                    + " inside the " + name + " (bytes " + offset + ".." + (offset + 3) + ")");
        }
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    private static byte[] readPayload(OffsetCountingStream in, Path file, int size, String what)
            throws IOException {
        long start = in.offset();
        // readNBytes(int) grows its buffer as data arrives, so a header that lies about the size of a short
        // file does not make us allocate the declared size up front.
        byte[] data = in.readNBytes(size);
        if (data.length < size) {
            throw new IdxFormatException(file, "truncated: the header declares " + what + " = " + size
                    + " bytes from offset " + start + " to " + (start + size) + ", but the data ends at offset "
                    + in.offset() + " (" + data.length + " bytes found)");
        }
        return data;
    }

    private static void requireEnd(OffsetCountingStream in, Path file) throws IOException {
        long end = in.offset();
        if (in.read() != -1) {
            throw new IdxFormatException(file, "unexpected data after offset " + end
                    + ", where the payload declared by the header ends");
        }
    }

    private static IdxFormatException damagedGzip(Path file, OffsetCountingStream in, IOException e) {
        return new IdxFormatException(file, "damaged or truncated gzip stream after offset " + in.offset()
                + " of the uncompressed IDX data: " + e.getMessage(), e);
    }

    /** Counts the bytes read, so that errors can name the offset in the (uncompressed) IDX data. */
    private static final class OffsetCountingStream extends FilterInputStream {
        private long offset;

        OffsetCountingStream(InputStream in) {
            super(in);
        }

        long offset() {
            return offset;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                offset++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                offset += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            offset += skipped;
            return skipped;
        }
    }
}
