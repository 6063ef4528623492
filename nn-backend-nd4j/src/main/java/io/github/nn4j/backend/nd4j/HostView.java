package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.tensor.DType;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Java access to the elements of an {@link INDArray} whose memory the CPU can address, without copying: a
 * {@link java.nio} view over the array's off-heap buffer, in the array's row-major order.
 *
 * <p>The Java kernels (nn-api's defaults, for small tensors and reductions) reach the memory through it: a block copy
 * into the view's heap copy (an array of its size, created on first use and reused), the kernel on that array, a
 * block copy back for an output. That costs nanoseconds where an ND4J op dispatch costs microseconds, and the kernels
 * run as loops over arrays, which the JIT vectorises. Only absolute {@code get}/{@code put} are used, so one view may
 * be used by several threads; threads that read one tensor at once copy the same values into its heap copy (a tensor
 * is never written while it is read, by the backend contract). A view is valid only while its tensor is open.
 */
abstract class HostView {

    /** A view over {@code array} (a c-order array that owns its whole buffer, offset 0). */
    static HostView of(INDArray array, DType dtype) {
        return dtype == DType.FLOAT32 ? new Floats(array.data().asNioFloat()) : new Doubles(array.data().asNioDouble());
    }

    /** Copies all elements into {@code dst}. */
    abstract void readInto(float[] dst);

    /** Copies the first {@code n} elements into {@code dst}, which holds at least {@code n} (a FLOAT32 view). */
    void readInto(float[] dst, int n) {
        ((Floats) this).buffer.get(0, dst, 0, n);
    }

    /** Copies the first {@code n} elements into {@code dst}, which holds at least {@code n} (a FLOAT64 view). */
    void readInto(double[] dst, int n) {
        ((Doubles) this).buffer.get(0, dst, 0, n);
    }

    /** Overwrites the first {@code n} elements from {@code src} (a FLOAT32 view). */
    void writeFrom(float[] src, int n) {
        ((Floats) this).buffer.put(0, src, 0, n);
    }

    /** Overwrites the first {@code n} elements from {@code src} (a FLOAT64 view). */
    void writeFrom(double[] src, int n) {
        ((Doubles) this).buffer.put(0, src, 0, n);
    }

    /** Copies all elements into {@code dst}. */
    abstract void readInto(double[] dst);

    /** Overwrites all elements from {@code src}. */
    abstract void writeFrom(float[] src);

    /** Overwrites all elements from {@code src}. */
    abstract void writeFrom(double[] src);

    /** Copies {@code length} elements from {@code srcPos} into {@code dst} (same dtype) at {@code dstPos}, as one block. */
    abstract void copyTo(int srcPos, HostView dst, int dstPos, int length);

    /** FLOAT32 elements. */
    static final class Floats extends HostView {
        private final FloatBuffer buffer;
        private float[] heapCopy;

        /** A heap array of this view's size, the same one on every call (created on first use). */
        float[] heapCopy() {
            float[] a = heapCopy;
            if (a == null) {
                a = new float[buffer.capacity()];
                heapCopy = a;
            }
            return a;
        }

        Floats(FloatBuffer buffer) {
            this.buffer = buffer;
        }

        /** The view itself, for native calls that take a direct buffer. */
        FloatBuffer buffer() {
            return buffer;
        }

        @Override
        void readInto(float[] dst) {
            buffer.get(0, dst);
        }

        @Override
        void readInto(double[] dst) {
            for (int i = 0; i < dst.length; i++) {
                dst[i] = buffer.get(i);
            }
        }

        @Override
        void writeFrom(float[] src) {
            buffer.put(0, src);
        }

        @Override
        void writeFrom(double[] src) {
            for (int i = 0; i < src.length; i++) {
                buffer.put(i, (float) src[i]);
            }
        }

        @Override
        void copyTo(int srcPos, HostView dst, int dstPos, int length) {
            ((Floats) dst).buffer.put(dstPos, buffer, srcPos, length);
        }
    }

    /** FLOAT64 elements. */
    static final class Doubles extends HostView {
        private final DoubleBuffer buffer;
        private double[] heapCopy;

        /** A heap array of this view's size, the same one on every call (created on first use). */
        double[] heapCopy() {
            double[] a = heapCopy;
            if (a == null) {
                a = new double[buffer.capacity()];
                heapCopy = a;
            }
            return a;
        }

        Doubles(DoubleBuffer buffer) {
            this.buffer = buffer;
        }

        /** The view itself, for native calls that take a direct buffer. */
        DoubleBuffer buffer() {
            return buffer;
        }

        @Override
        void readInto(float[] dst) {
            for (int i = 0; i < dst.length; i++) {
                dst[i] = (float) buffer.get(i);
            }
        }

        @Override
        void readInto(double[] dst) {
            buffer.get(0, dst);
        }

        @Override
        void writeFrom(float[] src) {
            for (int i = 0; i < src.length; i++) {
                buffer.put(i, src[i]);
            }
        }

        @Override
        void writeFrom(double[] src) {
            buffer.put(0, src);
        }

        @Override
        void copyTo(int srcPos, HostView dst, int dstPos, int length) {
            ((Doubles) dst).buffer.put(dstPos, buffer, srcPos, length);
        }
    }
}
