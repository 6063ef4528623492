package io.github.nn4j.api.persist;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Random read access to the bytes of a model: a file (read where needed, never whole) or a byte array. Reads past
 * the end, which a file changed while being read can cause, end in a {@link ModelFormatException}.
 */
abstract class ByteSource implements Closeable {
    private final String name;

    private ByteSource(String name) {
        this.name = name;
    }

    /** The name used in error messages: the path, or the caller's name for bytes. */
    final String name() {
        return name;
    }

    /** Total number of bytes. */
    abstract long size();

    /** Fills {@code dst} from {@code position} on. */
    abstract void read(long position, ByteBuffer dst) throws IOException;

    @Override
    public void close() throws IOException {
    }

    /** The file at {@code path}, opened for reading until {@link #close()}. */
    static ByteSource of(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new FileSource(path.toString(), channel, channel.size());
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The bytes of {@code data} (not copied: they must not change while being read). */
    static ByteSource of(byte[] data, String name) {
        return new ArraySource(name, data);
    }

    private static final class FileSource extends ByteSource {
        private final FileChannel channel;
        private final long size;

        FileSource(String name, FileChannel channel, long size) {
            super(name);
            this.channel = channel;
            this.size = size;
        }

        @Override
        long size() {
            return size;
        }

        @Override
        void read(long position, ByteBuffer dst) throws IOException {
            long at = position;
            while (dst.hasRemaining()) {
                int n = channel.read(dst, at);
                if (n < 0) {
                    throw new ModelFormatException(name(), "the file ended at byte " + at + " while " + size
                            + " bytes were expected (was it changed while being read?)");
                }
                at += n;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class ArraySource extends ByteSource {
        private final byte[] data;

        ArraySource(String name, byte[] data) {
            super(name);
            this.data = data;
        }

        @Override
        long size() {
            return data.length;
        }

        @Override
        void read(long position, ByteBuffer dst) throws IOException {
            if (position < 0 || position > data.length - dst.remaining()) {
                throw new ModelFormatException(name(), "read of " + dst.remaining() + " bytes at " + position
                        + " past the end of " + data.length + " bytes");
            }
            dst.put(data, (int) position, dst.remaining());
        }
    }
}
