package io.github.nn4j.api.persist;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Tensor values to and from the little-endian row-major bytes of a safetensors file, exactly (every float and
 * double keeps its bits), reading in chunks so that no buffer but the tensor itself grows with its size.
 */
final class TensorData {
    private static final int CHUNK = 1 << 20;

    private TensorData() {
    }

    /** The bytes of {@code t}'s values in its dtype. */
    static byte[] encode(Tensor t) {
        long length = (long) t.size() * t.dtype().bytes();
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a tensor of " + t.shape() + " " + t.dtype()
                    + " is larger than 2 GiB, more than a model file written in one piece can hold");
        }
        ByteBuffer b = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        if (t.dtype() == DType.FLOAT32) {
            b.asFloatBuffer().put(t.toFloatArray());
        } else {
            b.asDoubleBuffer().put(t.toDoubleArray());
        }
        return b.array();
    }

    /** A new tensor on {@code backend} with the values of {@code info}, which the header checks made {@code dtype} {@code shape}. */
    static Tensor read(ByteSource source, long dataStart, TensorInfo info, DType dtype, Shape shape, Backend backend)
            throws IOException {
        if (dtype == DType.FLOAT32) {
            float[] v = new float[shape.size()];
            readFloats(source, dataStart + info.begin(), v);
            return backend.fromArray(v, shape);
        }
        double[] v = new double[shape.size()];
        readDoubles(source, dataStart + info.begin(), v);
        return backend.fromArray(v, shape);
    }

    /** Overwrites {@code target} with the values of {@code info} (same dtype and size, checked by the caller). */
    static void readInto(ByteSource source, long dataStart, TensorInfo info, Tensor target) throws IOException {
        if (target.dtype() == DType.FLOAT32) {
            float[] v = new float[target.size()];
            readFloats(source, dataStart + info.begin(), v);
            target.copyFrom(v);
        } else {
            double[] v = new double[target.size()];
            readDoubles(source, dataStart + info.begin(), v);
            target.copyFrom(v);
        }
    }

    private static void readFloats(ByteSource source, long position, float[] out) throws IOException {
        readChunks(source, position, out.length, Float.BYTES, (chunk, offset, count) ->
                chunk.asFloatBuffer().get(out, offset, count));
    }

    private static void readDoubles(ByteSource source, long position, double[] out) throws IOException {
        readChunks(source, position, out.length, Double.BYTES, (chunk, offset, count) ->
                chunk.asDoubleBuffer().get(out, offset, count));
    }

    /** Receives elements {@code offset .. offset + count - 1} as a little-endian buffer. */
    private interface ChunkSink {
        void take(ByteBuffer chunk, int offset, int count);
    }

    /** Reads {@code elements} elements of {@code elementBytes} bytes from {@code position}, at most 1 MiB at a time. */
    private static void readChunks(ByteSource source, long position, int elements, int elementBytes, ChunkSink sink)
            throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, (long) elements * elementBytes))
                .order(ByteOrder.LITTLE_ENDIAN);
        int done = 0;
        while (done < elements) {
            int n = Math.min(elements - done, buf.capacity() / elementBytes);
            buf.clear().limit(n * elementBytes);
            source.read(position + (long) done * elementBytes, buf);
            buf.flip();
            sink.take(buf, done, n);
            done += n;
        }
    }

    /** The CRC-32C of {@code length} bytes of {@code source} from {@code position}, read in chunks. */
    static long crc32c(ByteSource source, long position, long length) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocate((int) Math.max(1, Math.min(CHUNK, length)));
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(buf.capacity(), length - done);
            buf.clear().limit(n);
            source.read(position + done, buf);
            buf.flip();
            crc.update(buf);
            done += n;
        }
        return crc.getValue();
    }
}
