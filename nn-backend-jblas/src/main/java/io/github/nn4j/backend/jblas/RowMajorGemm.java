package io.github.nn4j.backend.jblas;

import org.jblas.NativeBlas;

/**
 * {@code c = alpha * op(a) op(b) + beta * c} on row-major arrays through jblas's column-major BLAS, without
 * copying or transposing anything.
 *
 * <p>A row-major {@code [r, c]} array read as column-major is the {@code [c, r]} transpose. So the row-major
 * product {@code C = op(A) op(B)} is computed as the column-major product {@code C' = op(B)' op(A)'}: the
 * operands swap places, each keeps its own transpose flag, and every leading dimension is the row length of
 * the array as stored. All four transpose combinations therefore run as a single BLAS call at full speed.
 *
 * <p>Calls are serialized on one lock. jblas 1.2.5 links a single-threaded OpenBLAS build whose internal buffer
 * allocator is not safe for concurrent callers: two threads multiplying at once can receive the same scratch
 * buffer and return wrong products (seen as ~1% wrong elements under eight concurrent predictions). One product
 * at a time is correct; concurrent callers of this backend therefore share one core for their GEMMs.
 */
final class RowMajorGemm {
    private static final Object NATIVE_BLAS = new Object();

    private RowMajorGemm() {
    }

    /**
     * FLOAT32 product. {@code op(a)} is {@code [m, k]}, {@code op(b)} is {@code [k, n]}, {@code c} is
     * {@code [m, n]}; {@code aCols} and {@code bCols} are the column counts of {@code a} and {@code b} as stored.
     */
    static void sgemm(int m, int n, int k, float alpha, float[] a, int aCols, boolean transA, float[] b, int bCols,
                      boolean transB, float beta, float[] c) {
        synchronized (NATIVE_BLAS) {
            NativeBlas.sgemm(flag(transB), flag(transA), n, m, k, alpha, b, 0, bCols, a, 0, aCols, beta, c, 0, n);
        }
    }

    /** FLOAT64 product; see {@link #sgemm}. */
    static void dgemm(int m, int n, int k, double alpha, double[] a, int aCols, boolean transA, double[] b, int bCols,
                      boolean transB, double beta, double[] c) {
        synchronized (NATIVE_BLAS) {
            NativeBlas.dgemm(flag(transB), flag(transA), n, m, k, alpha, b, 0, bCols, a, 0, aCols, beta, c, 0, n);
        }
    }

    private static char flag(boolean transpose) {
        return transpose ? 'T' : 'N';
    }
}
