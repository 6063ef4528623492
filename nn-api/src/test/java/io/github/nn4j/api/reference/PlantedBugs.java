package io.github.nn4j.api.reference;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.Tensor;

/**
 * The six bugs issue 19 planted into real kernels, each planted here into the naive {@link ReferenceBackend} so that
 * {@code PlantedBugsTest} can show, on every build, that the conformance suite fails on them. Each is as small as
 * the original: one wrong formula, one loop bound, one accumulator type.
 */
enum PlantedBugs {
    /** The sigmoid derivative {@code y} instead of {@code y(1 - y)}, in the FLOAT32 kernel only. */
    SIGMOID_DERIVATIVE_IN_FLOAT32 {
        @Override
        Backend backend() {
            return new ReferenceBackend() {
                @Override
                protected void activationBackwardKernel(Activation f, Tensor x, Tensor y, Tensor dy, Tensor dx) {
                    if (f != Activation.SIGMOID || x.dtype() != DType.FLOAT32) {
                        super.activationBackwardKernel(f, x, y, dy, dx);
                        return;
                    }
                    for (int i = 0; i < x.size(); i++) {
                        t(dx).set(i, t(y).data[i] * t(dy).data[i]);
                    }
                }
            };
        }
    },
    /** The bias gradient (column sums) skipping the first row, in FLOAT32: 1 of 32 rows lost in a batch of 32. */
    BIAS_GRADIENT_WITHOUT_FIRST_ROW {
        @Override
        Backend backend() {
            return new ReferenceBackend() {
                @Override
                protected void sumAlongKernel(int axis, Tensor a, Tensor out) {
                    if (axis != 0 || a.dtype() != DType.FLOAT32) {
                        super.sumAlongKernel(axis, a, out);
                        return;
                    }
                    int r = a.rows();
                    int c = a.cols();
                    for (int j = 0; j < c; j++) {
                        double s = 0;
                        for (int i = 1; i < r; i++) {
                            s += t(a).data[i * c + j];
                        }
                        t(out).set(j, s);
                    }
                }
            };
        }
    },
    /** The FLOAT32 sum accumulated in float instead of double. */
    FLOAT32_SUM_IN_FLOAT {
        @Override
        Backend backend() {
            return new ReferenceBackend() {
                @Override
                protected double reduceKernel(Reduction r, Tensor a) {
                    if (r != Reduction.SUM || a.dtype() != DType.FLOAT32) {
                        return super.reduceKernel(r, a);
                    }
                    float s = 0;
                    for (double v : t(a).data) {
                        s += (float) v;
                    }
                    return s;
                }
            };
        }
    },
    /** FLOAT32 tanh's small-argument cutoff raised from 1e-7 to 1e-2 (tanh(x) = x below it, 3.3e-5 relative error). */
    TANH_CUTOFF_AT_1E_2 {
        @Override
        Backend backend() {
            return new ReferenceBackend() {
                @Override
                protected void activationKernel(Activation f, Tensor x, Tensor y) {
                    super.activationKernel(f, x, y);
                    if (f != Activation.TANH || x.dtype() != DType.FLOAT32) {
                        return;
                    }
                    for (int i = 0; i < x.size(); i++) {
                        double v = t(x).data[i];
                        if (Math.abs(v) < 1e-2) {
                            t(y).set(i, v);
                        }
                    }
                }
            };
        }
    },
    /** A transpose in 32 x 32 tiles that never writes column 31 of a tile. */
    TRANSPOSE_SKIPPING_TILE_COLUMN_31 {
        @Override
        Backend backend() {
            return new ReferenceBackend() {
                @Override
                protected void transposeKernel(Tensor a, Tensor out) {
                    int r = a.rows();
                    int c = a.cols();
                    for (int i0 = 0; i0 < r; i0 += 32) {
                        for (int j0 = 0; j0 < c; j0 += 32) {
                            for (int i = i0; i < Math.min(r, i0 + 32); i++) {
                                for (int j = j0; j < Math.min(c, j0 + 31); j++) {
                                    t(out).data[j * r + i] = t(a).data[i * c + j];
                                }
                            }
                        }
                    }
                }
            };
        }
    },
    /**
     * The sigmoid derivative wrong in nn-api's {@code Activation} enum itself ({@code 1 - y²}, tanh's), as this
     * backend and ND4J's host kernels, which call the enum, would then compute it in both dtypes.
     */
    ACTIVATION_ENUM_SIGMOID_DERIVATIVE {
        @Override
        Backend backend() {
            return new ReferenceBackend() {
                @Override
                protected void activationBackwardKernel(Activation f, Tensor x, Tensor y, Tensor dy, Tensor dx) {
                    if (f != Activation.SIGMOID) {
                        super.activationBackwardKernel(f, x, y, dy, dx);
                        return;
                    }
                    for (int i = 0; i < x.size(); i++) {
                        double v = t(y).data[i];
                        t(dx).set(i, (1.0 - v * v) * t(dy).data[i]);
                    }
                }
            };
        }
    };

    /** A new backend with this bug. */
    abstract Backend backend();
}
