package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.HeapArrayBackend;
import io.github.nn4j.api.tensor.Tensor;

/**
 * The jblas backend: matrix products through jblas's native BLAS (the OpenBLAS statically linked into
 * {@code libjblas.so}, single-threaded); everything else is {@link HeapArrayBackend}'s plain-Java default kernels on
 * on-heap row-major arrays (jblas's own element-wise methods are Java loops too, so calling them would only add
 * wrapper objects).
 *
 * <p>Obtain it through {@link io.github.nn4j.api.backend.Backends} (name {@value JblasBackendProvider#NAME}),
 * which creates it only after {@link JblasNativeLibrary} has proved that the native library loads and
 * multiplies correctly. Stateless apart from the tensors, hence thread-safe; matrix products from concurrent
 * callers run one at a time (see {@link RowMajorGemm}).
 */
final class JblasBackend extends HeapArrayBackend {
    private final String description;

    JblasBackend(String description) {
        this.description = description;
    }

    @Override
    public String name() {
        return JblasBackendProvider.NAME;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    protected void gemmKernel(double alpha, Tensor a, boolean transA, Tensor b, boolean transB, double beta, Tensor c) {
        int m = c.shape().rows();
        int n = c.shape().cols();
        int k = transA ? a.shape().rows() : a.shape().cols();
        if (isFloat(c)) {
            RowMajorGemm.sgemm(m, n, k, (float) alpha, floats(a), a.shape().cols(), transA, floats(b), b.shape().cols(), transB,
                    (float) beta, floats(c));
        } else {
            RowMajorGemm.dgemm(m, n, k, alpha, doubles(a), a.shape().cols(), transA, doubles(b), b.shape().cols(), transB,
                    beta, doubles(c));
        }
    }
}
