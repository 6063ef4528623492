package io.github.nn4j.backend.pure;

/** Out-of-place matrix transposition in square blocks, so that both the reads and the writes stay in cache. */
final class Transpose {
    private static final int BLOCK = 32;

    private Transpose() {
    }

    /** {@code out[j, i] = a[i, j]} for an {@code [rows, cols]} matrix {@code a}. */
    static void transpose(float[] a, int rows, int cols, float[] out) {
        for (int i0 = 0; i0 < rows; i0 += BLOCK) {
            int i1 = Math.min(rows, i0 + BLOCK);
            for (int j0 = 0; j0 < cols; j0 += BLOCK) {
                int j1 = Math.min(cols, j0 + BLOCK);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        out[j * rows + i] = a[i * cols + j];
                    }
                }
            }
        }
    }

    /** {@code out[j, i] = a[i, j]} for an {@code [rows, cols]} matrix {@code a}. */
    static void transpose(double[] a, int rows, int cols, double[] out) {
        for (int i0 = 0; i0 < rows; i0 += BLOCK) {
            int i1 = Math.min(rows, i0 + BLOCK);
            for (int j0 = 0; j0 < cols; j0 += BLOCK) {
                int j1 = Math.min(cols, j0 + BLOCK);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        out[j * rows + i] = a[i * cols + j];
                    }
                }
            }
        }
    }
}
