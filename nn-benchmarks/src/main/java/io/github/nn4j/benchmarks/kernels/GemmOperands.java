package io.github.nn4j.benchmarks.kernels;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;

/**
 * The three matrices of one benchmarked product {@code C = op(A)·op(B)}, with A and B drawn uniformly from
 * [-1, 1) by fixed seeds, so every backend multiplies the same numbers. Closing frees them.
 */
final class GemmOperands implements AutoCloseable {
    private final Backend backend;
    private final GemmShape shape;
    private final Tensor a;
    private final Tensor b;
    private final Tensor c;

    GemmOperands(Backend backend, DType dtype, GemmShape shape, long seed) {
        this.backend = backend;
        this.shape = shape;
        Shape as = shape.transposeA() ? Shape.matrix(shape.k(), shape.m()) : Shape.matrix(shape.m(), shape.k());
        Shape bs = shape.transposeB() ? Shape.matrix(shape.n(), shape.k()) : Shape.matrix(shape.k(), shape.n());
        this.a = backend.randomUniform(dtype, as, -1, 1, seed);
        this.b = backend.randomUniform(dtype, bs, -1, 1, seed + 1);
        this.c = backend.zeros(dtype, Shape.matrix(shape.m(), shape.n()));
    }

    /** {@code C = op(A)·op(B)}; returns C. */
    Tensor multiply() {
        backend.gemm(1.0, a, shape.transposeA(), b, shape.transposeB(), 0.0, c);
        return c;
    }

    @Override
    public void close() {
        a.close();
        b.close();
        c.close();
    }
}
