package io.github.nn4j.backend.nd4j;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

/**
 * GEMM on host-resident arrays by calling OpenBLAS's CBLAS directly: the same OpenBLAS library, thread pool and
 * thread setting nd4j-native itself uses (its {@code openblas_nolapack} JavaCPP preset), handed the arrays'
 * memory as the direct buffers of their {@link HostView}s. Row-major CBLAS takes the tensors' layout as it is.
 *
 * <p>Why: ND4J's own {@code Nd4j.gemm} goes through its generic custom-op machinery, which costs 12-25 µs per call
 * before OpenBLAS starts (measured as CPU time of the calling thread with one BLAS thread: 30 µs against 18 µs
 * for a 64x128x64 product, 210 µs against 183 µs for 64x784x128, 18 µs against 0.7 µs for 4x2x4). Called
 * directly, OpenBLAS beats a Java loop even on XOR's 4x2 matrices.
 *
 * <p>Only for memory the CPU can address (nd4j-native); with a GPU backend this class is never loaded (its
 * OpenBLAS classes do not exist there) and {@link NativeKernels#gemm} is used.
 */
final class HostBlas {
    private HostBlas() {
    }

    /** {@code c = alpha * op(a) op(b) + beta * c} on row-major views; {@code aCols}, {@code bCols}: stored column counts. */
    static void gemm(int m, int n, int k, double alpha, HostView a, int aCols, boolean transA, HostView b, int bCols,
                     boolean transB, double beta, HostView c) {
        int ta = transA ? CblasTrans : CblasNoTrans;
        int tb = transB ? CblasTrans : CblasNoTrans;
        if (c instanceof HostView.Floats) {
            cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, (float) alpha, ((HostView.Floats) a).buffer(), aCols,
                    ((HostView.Floats) b).buffer(), bCols, (float) beta, ((HostView.Floats) c).buffer(), n);
        } else {
            cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, alpha, ((HostView.Doubles) a).buffer(), aCols,
                    ((HostView.Doubles) b).buffer(), bCols, beta, ((HostView.Doubles) c).buffer(), n);
        }
    }
}
