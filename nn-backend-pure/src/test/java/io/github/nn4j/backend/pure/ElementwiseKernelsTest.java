package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The non-GEMM kernels of every kernel set against the reference definitions in the API enums, on a
 * length that is not a multiple of any vector width (so SIMD tails run), with the output aliasing an
 * input, plus the numerical promises: sums accumulated in double, MAX/MIN propagating NaN, sigmoid
 * saturating without NaN.
 */
class ElementwiseKernelsTest {
    private static final int N = 1000 + 13;

    static Stream<Arguments> backendsAndDtypes() {
        List<Arguments> out = new ArrayList<>();
        for (PureBackend backend : KernelSets.all()) {
            for (DType dtype : DType.values()) {
                out.add(Arguments.of(KernelSets.named(backend), dtype));
            }
        }
        return out.stream();
    }

    private static double relTol(DType dtype) {
        return dtype == DType.FLOAT32 ? 4e-7 : 1e-14;
    }

    private static double[] randoms(long seed, int n, double low, double high) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextDouble(low, high);
        }
        return out;
    }

    /** Values as the dtype stores them. */
    private static double[] stored(DType dtype, double[] v) {
        double[] out = v.clone();
        if (dtype == DType.FLOAT32) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) out[i];
            }
        }
        return out;
    }

    private static void assertClose(String what, DType dtype, double[] actual, double[] expected) {
        for (int i = 0; i < expected.length; i++) {
            double tol = relTol(dtype) * Math.abs(expected[i]) + (dtype == DType.FLOAT32 ? 1e-30 : 1e-300);
            if (!(Math.abs(actual[i] - expected[i]) <= tol)
                    && !(Double.isNaN(expected[i]) && Double.isNaN(actual[i]))
                    && !(expected[i] == actual[i])) {
                throw new AssertionError(what + " " + dtype + ": element " + i + " is " + actual[i] + ", expected "
                        + expected[i] + " +- " + tol);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void binaryOpsInPlace(PureBackend backend, DType dtype) {
        double[] a = stored(dtype, randoms(1, N, -3, 3));
        double[] b = stored(dtype, randoms(2, N, 0.5, 2));
        for (BinaryOp op : BinaryOp.values()) {
            try (Tensor ta = backend.fromArray(dtype, a, Shape.of(N)); Tensor tb = backend.fromArray(dtype, b, Shape.of(N))) {
                backend.binary(op, ta, tb, ta);
                double[] expected = new double[N];
                for (int i = 0; i < N; i++) {
                    expected[i] = op.apply(a[i], b[i]);
                }
                assertClose(op.name(), dtype, ta.toDoubleArray(), expected);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void scalarOpsInPlace(PureBackend backend, DType dtype) {
        double[] a = stored(dtype, randoms(3, N, -3, 3));
        double s = 0.5; // exact in both dtypes, so the reference sees the same scalar
        for (ScalarOp op : ScalarOp.values()) {
            try (Tensor ta = backend.fromArray(dtype, a, Shape.matrix(1, N))) {
                backend.scalar(op, ta, s, ta);
                double[] expected = new double[N];
                for (int i = 0; i < N; i++) {
                    expected[i] = op.apply(a[i], s);
                }
                assertClose(op.name(), dtype, ta.toDoubleArray(), expected);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void unaryOps(PureBackend backend, DType dtype) {
        double[] a = stored(dtype, randoms(4, N, 0.01, 20));
        for (UnaryOp op : UnaryOp.values()) {
            double[] input = op == UnaryOp.NEGATE || op == UnaryOp.ABS || op == UnaryOp.SQUARE
                    ? stored(dtype, randoms(5, N, -20, 20)) : a;
            try (Tensor ta = backend.fromArray(dtype, input, Shape.of(N)); Tensor out = backend.zeros(dtype, Shape.of(N))) {
                backend.unary(op, ta, out);
                double[] expected = new double[N];
                for (int i = 0; i < N; i++) {
                    expected[i] = op.apply(input[i]);
                }
                assertClose(op.name(), dtype, out.toDoubleArray(), expected);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void activationsAndDerivatives(PureBackend backend, DType dtype) {
        double[] x = stored(dtype, randoms(6, N, -12, 12));
        double[] dy = stored(dtype, randoms(7, N, -1, 1));
        for (Activation f : Activation.values()) {
            try (Tensor tx = backend.fromArray(dtype, x, Shape.of(N));
                 Tensor ty = backend.zeros(dtype, Shape.of(N));
                 Tensor tdy = backend.fromArray(dtype, dy, Shape.of(N))) {
                backend.activation(f, tx, ty);
                double[] y = ty.toDoubleArray();
                double[] expectedY = new double[N];
                for (int i = 0; i < N; i++) {
                    expectedY[i] = f.apply(x[i]);
                }
                assertClose(f.name(), dtype, y, expectedY);
                backend.activationBackward(f, tx, ty, tdy, tdy); // dx aliases dy
                double[] expectedDx = new double[N];
                for (int i = 0; i < N; i++) {
                    expectedDx[i] = f.derivative(x[i], y[i]) * dy[i];
                }
                double[] dx = tdy.toDoubleArray();
                for (int i = 0; i < N; i++) {
                    // products of rounded factors: allow a few roundings relative to |f'| |dy|
                    assertThat(dx[i]).as("%s backward %s element %d", f, dtype, i)
                            .isCloseTo(expectedDx[i], within(4 * relTol(dtype) * (Math.abs(dy[i]) + 1e-300)));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void sigmoidAndTanhSaturateWithoutNaN(PureBackend backend, DType dtype) {
        double[] x = {-1e30, -1000, -100, -89, -20, 0, 20, 89, 100, 1000, 1e30,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -50, 50, 30, -30, 17};
        checkActivation(backend, dtype, Activation.SIGMOID, x, v -> 1.0 / (1.0 + Math.exp(-v)));
        checkActivation(backend, dtype, Activation.TANH, x, Math::tanh);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void reluOfSpecialValuesFollowsTheReference(PureBackend backend, DType dtype) {
        double[] x = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1.5, -1.5,
            -Double.NaN, 2.0, -2.0, 3.0, -3.0, 4.0};
        double[] dy = new double[x.length];
        java.util.Arrays.fill(dy, -7.0);
        double[] xs = stored(dtype, x);
        try (Tensor tx = backend.fromArray(dtype, x, Shape.of(x.length));
             Tensor y = tx.apply(Activation.RELU);
             Tensor tdy = backend.fromArray(dtype, dy, Shape.of(x.length))) {
            backend.activationBackward(Activation.RELU, tx, y, tdy, tdy);
            double[] got = y.toDoubleArray();
            double[] grad = tdy.toDoubleArray();
            for (int i = 0; i < x.length; i++) {
                // compare bit patterns: +0.0 and -0.0 must not be confused
                assertThat(Double.doubleToLongBits(got[i])).as("relu(%s) %s = %s", xs[i], dtype, got[i])
                        .isEqualTo(Double.doubleToLongBits(Activation.RELU.apply(xs[i])));
                assertThat(Double.doubleToLongBits(grad[i])).as("relu'(%s) %s = %s", xs[i], dtype, grad[i])
                        .isEqualTo(Double.doubleToLongBits(Activation.RELU.derivative(xs[i], got[i]) * -7.0 + 0.0));
            }
        }
    }

    private static void checkActivation(PureBackend backend, DType dtype, Activation f, double[] x,
                                        DoubleUnaryOperator reference) {
        try (Tensor tx = backend.fromArray(dtype, x, Shape.of(x.length)); Tensor y = tx.apply(f)) {
            double[] got = y.toDoubleArray();
            for (int i = 0; i < x.length; i++) {
                assertThat(got[i]).as("%s(%s) %s", f, x[i], dtype).isCloseTo(reference.applyAsDouble(x[i]), within(1e-7));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void floatSumsAreAccumulatedPrecisely(PureBackend backend, DType dtype) {
        // 2^20 copies of 0.1f: a float accumulator would be off by about 1%.
        int n = 1 << 20;
        double v = (float) 0.1;
        double[] data = new double[n];
        java.util.Arrays.fill(data, v);
        try (Tensor t = backend.fromArray(dtype, data, Shape.of(n))) {
            assertThat(t.sum()).isCloseTo(n * v, within(1e-9 * n * v));
            assertThat(t.sumOfSquares()).isCloseTo(n * v * v, within(1e-9 * n * v * v));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void reductionsMatchReference(PureBackend backend, DType dtype) {
        double[] a = stored(dtype, randoms(8, N, -5, 5));
        double sum = 0;
        double sumSq = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : a) {
            sum += v;
            sumSq += v * v;
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        try (Tensor t = backend.fromArray(dtype, a, Shape.matrix(N, 1))) {
            assertThat(backend.reduce(Reduction.SUM, t)).isCloseTo(sum, within(1e-12 * N * 5));
            assertThat(backend.reduce(Reduction.SUM_OF_SQUARES, t)).isCloseTo(sumSq, within(1e-12 * N * 25));
            assertThat(backend.reduce(Reduction.MAX, t)).isEqualTo(max);
            assertThat(backend.reduce(Reduction.MIN, t)).isEqualTo(min);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void maxAndMinAreNaNWhenAnyElementIsNaN(PureBackend backend, DType dtype) {
        for (int at : new int[] {0, 1, N / 2, N - 1}) {
            double[] a = randoms(9, N, -1, 1);
            a[at] = Double.NaN;
            try (Tensor t = backend.fromArray(dtype, a, Shape.of(N))) {
                assertThat(t.max()).as("max with NaN at %d", at).isNaN();
                assertThat(t.min()).as("min with NaN at %d", at).isNaN();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void rowVectorSumsAndAxpy(PureBackend backend, DType dtype) {
        int rows = 37;
        int cols = 53;
        double[] a = stored(dtype, randoms(10, rows * cols, -2, 2));
        double[] row = stored(dtype, randoms(11, cols, -2, 2));
        try (Tensor ta = backend.fromArray(dtype, a, Shape.matrix(rows, cols));
             Tensor tr = backend.fromArray(dtype, row, Shape.of(cols));
             Tensor colSums = backend.zeros(dtype, Shape.matrix(1, cols));
             Tensor rowSums = backend.zeros(dtype, Shape.of(rows))) {
            backend.sumAlong(0, ta, colSums);
            backend.sumAlong(1, ta, rowSums);
            double[] expectedCols = new double[cols];
            double[] expectedRows = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    expectedCols[j] += a[i * cols + j];
                    expectedRows[i] += a[i * cols + j];
                }
            }
            assertThat(colSums.toDoubleArray()).containsExactly(expectedCols, within(relTol(dtype) * rows * 2));
            assertThat(rowSums.toDoubleArray()).containsExactly(expectedRows, within(relTol(dtype) * cols * 2));

            backend.addRowVector(ta, tr, ta); // out aliases a
            double[] expected = new double[rows * cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    expected[i * cols + j] = a[i * cols + j] + row[j];
                }
            }
            assertClose("addRowVector", dtype, ta.toDoubleArray(), expected);

            try (Tensor y = backend.fromArray(dtype, a, Shape.matrix(rows, cols))) {
                double[] before = y.toDoubleArray();
                double[] x = ta.toDoubleArray();
                backend.axpy(-0.25, ta, y);
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = before[i] - 0.25 * x[i];
                }
                assertThat(y.toDoubleArray()).containsExactly(expected, within(relTol(dtype) * 8));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("backendsAndDtypes")
    void transposeGatherAndCopyRows(PureBackend backend, DType dtype) {
        int rows = 45;
        int cols = 70;
        double[] a = stored(dtype, randoms(12, rows * cols, -1, 1));
        try (Tensor ta = backend.fromArray(dtype, a, Shape.matrix(rows, cols)); Tensor t = ta.transpose()) {
            double[] got = t.toDoubleArray();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    assertThat(got[j * rows + i]).isEqualTo(a[i * cols + j]);
                }
            }
            int[] idx = {44, 0, 7, 7, 30};
            try (Tensor g = ta.gatherRows(idx); Tensor r = ta.rows(40, 5)) {
                double[] gv = g.toDoubleArray();
                double[] rv = r.toDoubleArray();
                for (int q = 0; q < idx.length; q++) {
                    for (int j = 0; j < cols; j++) {
                        assertThat(gv[q * cols + j]).isEqualTo(a[idx[q] * cols + j]);
                        assertThat(rv[q * cols + j]).isEqualTo(a[(40 + q) * cols + j]);
                    }
                }
            }
        }
    }
}
