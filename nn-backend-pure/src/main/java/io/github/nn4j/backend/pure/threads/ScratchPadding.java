package io.github.nn4j.backend.pure.threads;

/**
 * Scratch arrays for data that one thread writes on every pass of a hot loop (the GEMM's accumulator block, the
 * element-wise kernels' chunk buffer, the column sums), with {@value #ELEMENTS} elements of padding on each side:
 * 128 bytes of FLOAT32, 256 of FLOAT64, at least two cache lines (the pair an adjacent-line prefetcher fetches
 * together). The garbage collector may move such an array next to an object that the other threads read as often,
 * such as the GEMM's kernel object; sharing a cache line with it made the reading thread wait for that line on every
 * call (10% of a two-thread 1024³ product on AVX2, and a different speed in every JVM; docs/jit-notes.md, section 9).
 * The data starts at index {@value #ELEMENTS}.
 */
public final class ScratchPadding {
    /** Elements of padding before the data and after it; the index of the data's first element. */
    public static final int ELEMENTS = 32;

    private ScratchPadding() {
    }

    /** An array for {@code length} floats from index {@link #ELEMENTS}, padded on both sides. */
    public static float[] floats(int length) {
        return new float[ELEMENTS + length + ELEMENTS];
    }

    /** An array for {@code length} doubles from index {@link #ELEMENTS}, padded on both sides. */
    public static double[] doubles(int length) {
        return new double[ELEMENTS + length + ELEMENTS];
    }

    /** Whether {@code array}, made by {@link #doubles}, has room for {@code length} doubles. */
    public static boolean holds(double[] array, int length) {
        return array.length - 2 * ELEMENTS >= length;
    }
}
