package io.github.nn4j.api.backend;

import io.github.nn4j.api.tensor.AbstractTensor;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;

/**
 * A backend that implements nothing but the seven storage kernels, its elements in a {@code double[]} that Backend's
 * defaults cannot reach directly: every compute kernel is a default, reached through copies (the element hooks'
 * defaults). What a new backend, or a new operation on an existing one, gets before it overrides anything.
 */
final class StorageOnlyBackend extends Backend {

    private static final class Storage extends AbstractTensor {
        private double[] data;

        Storage(Backend backend, Shape shape, DType dtype, double[] data) {
            super(backend, shape, dtype);
            this.data = data;
        }

        void set(int i, double v) {
            data[i] = dtype() == DType.FLOAT32 ? (float) v : v;
        }

        @Override
        protected void release() {
            data = null;
        }
    }

    private static Storage s(Tensor t) {
        return (Storage) t;
    }

    @Override
    public String name() {
        return "storage-only";
    }

    @Override
    public String description() {
        return "test backend: storage kernels only, every compute kernel a default";
    }

    @Override
    protected Tensor zerosKernel(DType dtype, Shape shape) {
        return new Storage(this, shape, dtype, new double[shape.size()]);
    }

    @Override
    protected Tensor fromArrayKernel(float[] data, Shape shape) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return new Storage(this, shape, DType.FLOAT32, d);
    }

    @Override
    protected Tensor fromArrayKernel(double[] data, Shape shape) {
        return new Storage(this, shape, DType.FLOAT64, data.clone());
    }

    @Override
    protected void readKernel(Tensor t, float[] dst) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] = (float) s(t).data[i];
        }
    }

    @Override
    protected void readKernel(Tensor t, double[] dst) {
        System.arraycopy(s(t).data, 0, dst, 0, dst.length);
    }

    @Override
    protected void writeKernel(Tensor t, float[] src) {
        for (int i = 0; i < src.length; i++) {
            s(t).set(i, src[i]);
        }
    }

    @Override
    protected void writeKernel(Tensor t, double[] src) {
        for (int i = 0; i < src.length; i++) {
            s(t).set(i, src[i]);
        }
    }
}
