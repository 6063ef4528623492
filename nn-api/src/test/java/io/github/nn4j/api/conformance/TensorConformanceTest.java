package io.github.nn4j.api.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.nn4j.api.backend.Backend;
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
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The definition of a working backend, part 1: every {@link Backend} operation against a plain double
 * reference ({@link Reference}), in both dtypes, on shapes that include 1xN, Nx1, non-square and sizes
 * large enough to cross blocking, vector-width and threading boundaries. Tolerances: {@link Tolerance}.
 *
 * <p>A backend module runs it with a one-line subclass that returns its backend.
 */
public abstract class TensorConformanceTest {

    /** The backend under test; called once per test, may return a shared instance. */
    protected abstract Backend backend();

    private final Random random = new Random(234);

    // ------------------------------------------------------------------------------------ helpers

    private Tensor random(DType dtype, Shape shape, double low, double high) {
        return backend().fromArray(dtype, Reference.uniform(random, shape.size(), low, high), shape);
    }

    private static void assertClose(String what, DType dtype, double[] actual, double[] expected, double[] scale) {
        assertThat(actual).as(what + ": length").hasSameSizeAs(expected);
        Tolerance tol = Tolerance.of(dtype);
        for (int i = 0; i < expected.length; i++) {
            double s = scale == null ? expected[i] : scale[i];
            if (!tol.matches(actual[i], expected[i], s)) {
                fail(what + " (" + dtype + "): element " + i + " is " + actual[i] + ", expected " + expected[i]
                        + " within " + tol);
            }
        }
    }

    private static void assertClose(String what, DType dtype, Tensor actual, double[] expected) {
        assertClose(what, dtype, actual.toDoubleArray(), expected, null);
    }

    // ------------------------------------------------------------------------------------ creation and transfer

    @ParameterizedTest
    @EnumSource(DType.class)
    void zerosFullAndMetadata(DType dtype) {
        try (Tensor z = backend().zeros(dtype, Shape.of(3, 5)); Tensor f = backend().full(dtype, Shape.of(7), 2.5)) {
            assertThat(z.dtype()).isEqualTo(dtype);
            assertThat(z.shape()).isEqualTo(Shape.of(3, 5));
            assertThat(z.backend()).isSameAs(backend());
            assertThat(z.rank()).isEqualTo(2);
            assertThat(z.size()).isEqualTo(15);
            assertThat(z.toDoubleArray()).containsOnly(0.0);
            assertThat(f.toFloatArray()).hasSize(7).containsOnly(2.5f);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void arraysRoundTripInRowMajorOrder(DType dtype) {
        double[] data = {1, 2, 3, 4, 5, 6};
        try (Tensor t = backend().fromArray(dtype, data, Shape.of(2, 3))) {
            assertThat(t.toDoubleArray()).containsExactly(data);
            assertThat(t.toFloatArray()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
            try (Tensor tr = t.transpose()) {
                assertThat(tr.shape()).isEqualTo(Shape.of(3, 2));
                assertThat(tr.toDoubleArray()).containsExactly(1, 4, 2, 5, 3, 6);
            }
            t.copyFrom(new float[] {6, 5, 4, 3, 2, 1});
            assertThat(t.toDoubleArray()).containsExactly(6, 5, 4, 3, 2, 1);
            t.copyFrom(new double[] {0.5, 1, 1.5, 2, 2.5, 3});
            assertThat(t.toDoubleArray()).containsExactly(0.5, 1, 1.5, 2, 2.5, 3);
        }
        try (Tensor f = backend().fromArray(new float[] {1.5f, -2f}, Shape.of(2));
             Tensor d = backend().fromArray(new double[] {1.25, -3}, Shape.of(1, 2));
             Tensor m = backend().fromMatrix(dtype, new double[][] {{1, 2}, {3, 4}, {5, 6}})) {
            assertThat(f.dtype()).isEqualTo(DType.FLOAT32);
            assertThat(f.toDoubleArray()).containsExactly(1.5, -2);
            assertThat(d.dtype()).isEqualTo(DType.FLOAT64);
            assertThat(d.toDoubleArray()).containsExactly(1.25, -3);
            assertThat(m.shape()).isEqualTo(Shape.of(3, 2));
            assertThat(m.toDoubleArray()).containsExactly(1, 2, 3, 4, 5, 6);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void float64KeepsDoublePrecisionAndFloat32Rounds(DType dtype) {
        double x = 1.0 + 1e-10;
        try (Tensor t = backend().fromArray(dtype, new double[] {x}, Shape.of(1))) {
            assertThat(t.item()).isEqualTo(dtype == DType.FLOAT64 ? x : (double) (float) x);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void randomTensorsAreSeededAndInRange(DType dtype) {
        Shape s = Shape.of(50, 40);
        try (Tensor a = backend().randomUniform(dtype, s, -0.5, 2, 42);
             Tensor b = backend().randomUniform(dtype, s, -0.5, 2, 42);
             Tensor c = backend().randomUniform(dtype, s, -0.5, 2, 43);
             Tensor n = backend().randomNormal(dtype, Shape.of(20000), 1, 2, 7)) {
            assertThat(a.toDoubleArray()).containsExactly(b.toDoubleArray());
            assertThat(a.toDoubleArray()).isNotEqualTo(c.toDoubleArray());
            assertThat(a.min()).isGreaterThanOrEqualTo(-0.5);
            assertThat(a.max()).isLessThanOrEqualTo(2.0);
            double mean = n.mean();
            double var = n.sumOfSquares() / n.size() - mean * mean;
            assertThat(mean).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
            assertThat(Math.sqrt(var)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void copyFillAndClose(DType dtype) {
        Tensor a = random(dtype, Shape.of(4, 9), -1, 1);
        Tensor c = a.copy();
        assertThat(c).isNotSameAs(a);
        assertThat(c.toDoubleArray()).containsExactly(a.toDoubleArray());
        c.fill(-7);
        assertThat(c.toDoubleArray()).containsOnly(-7.0);
        assertThat(a.toDoubleArray()).doesNotContain(-7.0);
        a.close();
        a.close(); // idempotent
        assertThat(a.isClosed()).isTrue();
        assertThatThrownBy(a::toDoubleArray).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> c.add(a)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        c.close();
    }

    // ------------------------------------------------------------------------------------ gemm

    static Stream<Arguments> gemmCases() {
        int[][] mnk = {
            {1, 1, 1}, {1, 17, 5}, {23, 1, 9}, {4, 1, 2}, {1, 1, 300}, {7, 5, 1},
            {2, 4, 1}, {16, 16, 16}, {33, 65, 17}, {67, 131, 97}, {128, 64, 784},
            {257, 130, 129}, {64, 784, 128}, {300, 20, 513}, {520, 300, 260},
        };
        List<Arguments> out = new ArrayList<>();
        for (DType d : DType.values()) {
            for (int[] s : mnk) {
                for (int t = 0; t < 4; t++) {
                    out.add(Arguments.of(d, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3} transA={4} transB={5}")
    @MethodSource("gemmCases")
    void gemmMatchesReference(DType dtype, int m, int n, int k, boolean ta, boolean tb) {
        Shape sa = ta ? Shape.of(k, m) : Shape.of(m, k);
        Shape sb = tb ? Shape.of(n, k) : Shape.of(k, n);
        try (Tensor a = random(dtype, sa, -1, 1); Tensor b = random(dtype, sb, -1, 1);
             Tensor c = random(dtype, Shape.of(m, n), -1, 1)) {
            double[] av = a.toDoubleArray();
            double[] bv = b.toDoubleArray();
            double[] cv = c.toDoubleArray();
            double alpha = 0.75;
            double beta = -1.5;
            double[][] ref = Reference.gemm(alpha, av, sa, ta, bv, sb, tb, beta, cv, m, n);
            backend().gemm(alpha, a, ta, b, tb, beta, c);
            assertClose("gemm alpha=0.75 beta=-1.5", dtype, c.toDoubleArray(), ref[0], ref[1]);

            try (Tensor p = a.matmul(b, ta, tb)) {
                double[][] plain = Reference.gemm(1, av, sa, ta, bv, sb, tb, 0, null, m, n);
                assertThat(p.shape()).isEqualTo(Shape.of(m, n));
                assertClose("matmul", dtype, p.toDoubleArray(), plain[0], plain[1]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gemmWithBetaZeroIgnoresGarbageInOutput(DType dtype) {
        try (Tensor a = random(dtype, Shape.of(37, 19), -1, 1); Tensor b = random(dtype, Shape.of(19, 41), -1, 1);
             Tensor c = backend().full(dtype, Shape.of(37, 41), Double.NaN)) {
            backend().gemm(1, a, false, b, false, 0, c);
            double[][] ref = Reference.gemm(1, a.toDoubleArray(), a.shape(), false, b.toDoubleArray(), b.shape(),
                    false, 0, null, 37, 41);
            assertClose("gemm beta=0 over NaN", dtype, c.toDoubleArray(), ref[0], ref[1]);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gemmAccumulatesWithBetaOne(DType dtype) {
        try (Tensor a = random(dtype, Shape.of(9, 300), -1, 1); Tensor b = random(dtype, Shape.of(300, 11), -1, 1);
             Tensor c = random(dtype, Shape.of(9, 11), -1, 1)) {
            double[] c0 = c.toDoubleArray();
            double[][] ref = Reference.gemm(-2, a.toDoubleArray(), a.shape(), false, b.toDoubleArray(), b.shape(),
                    false, 1, c0, 9, 11);
            backend().gemm(-2, a, false, b, false, 1, c);
            assertClose("gemm beta=1", dtype, c.toDoubleArray(), ref[0], ref[1]);
        }
    }

    @Test
    void matmulShapeMismatchNamesBothShapes() {
        try (Tensor a = backend().zeros(Shape.of(2, 3)); Tensor b = backend().zeros(Shape.of(4, 5))) {
            assertThatThrownBy(() -> a.matmul(b))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("matmul").hasMessageContaining("[2, 3]").hasMessageContaining("[4, 5]");
            try (Tensor c = backend().zeros(Shape.of(2, 4))) {
                assertThatThrownBy(() -> backend().gemm(1, a, false, b, false, 0, c))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("[2, 3]").hasMessageContaining("[4, 5]");
            }
        }
    }

    @Test
    void gemmRejectsWrongOutputShapeAliasingAndMixedDtypes() {
        try (Tensor a = backend().zeros(Shape.of(3, 3)); Tensor b = backend().zeros(Shape.of(3, 3));
             Tensor wrong = backend().zeros(Shape.of(3, 4));
             Tensor d = backend().zeros(DType.FLOAT64, Shape.of(3, 3))) {
            assertThatThrownBy(() -> backend().gemm(1, a, false, b, false, 0, wrong))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[3, 4]");
            assertThatThrownBy(() -> backend().gemm(1, a, false, b, false, 0, a))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output");
            assertThatThrownBy(() -> a.matmul(d))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FLOAT32").hasMessageContaining("FLOAT64");
        }
    }

    // ------------------------------------------------------------------------------------ element-wise

    static Stream<Arguments> elementwiseShapes() {
        List<Arguments> out = new ArrayList<>();
        for (DType d : DType.values()) {
            for (Shape s : new Shape[] {Shape.of(1), Shape.of(1, 7), Shape.of(13, 1), Shape.of(5, 31),
                    Shape.of(256, 784), Shape.of(100_003), Shape.of(2, 3, 5)}) {
                out.add(Arguments.of(d, s));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void binaryOpsMatchReferenceIncludingInPlace(DType dtype, Shape shape) {
        for (BinaryOp op : BinaryOp.values()) {
            try (Tensor a = random(dtype, shape, -2, 2); Tensor b = random(dtype, shape, 0.5, 3)) {
                double[] av = a.toDoubleArray();
                double[] bv = b.toDoubleArray();
                double[] ref = new double[av.length];
                for (int i = 0; i < ref.length; i++) {
                    ref[i] = op.apply(av[i], bv[i]);
                }
                try (Tensor out = a.binary(op, b)) {
                    assertClose(op + " new", dtype, out, ref);
                }
                backend().binary(op, a, b, b); // out aliases the second operand
                assertClose(op + " into b", dtype, b, ref);
                b.copyFrom(bv);
                backend().binary(op, a, b, a); // out aliases the first operand
                assertClose(op + " into a", dtype, a, ref);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void scalarOpsMatchReference(DType dtype, Shape shape) {
        for (ScalarOp op : ScalarOp.values()) {
            try (Tensor a = random(dtype, shape, -2, 2)) {
                double s = dtype == DType.FLOAT32 ? (float) 0.37 : 0.37;
                double[] av = a.toDoubleArray();
                double[] ref = new double[av.length];
                for (int i = 0; i < ref.length; i++) {
                    ref[i] = op.apply(av[i], s);
                }
                try (Tensor out = a.scalar(op, s)) {
                    assertClose("scalar " + op, dtype, out, ref);
                }
                backend().scalar(op, a, s, a);
                assertClose("scalar " + op + " in place", dtype, a, ref);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void unaryOpsMatchReference(DType dtype, Shape shape) {
        for (UnaryOp op : UnaryOp.values()) {
            boolean positive = op == UnaryOp.LOG || op == UnaryOp.SQRT;
            try (Tensor a = random(dtype, shape, positive ? 0.01 : -3, 3)) {
                double[] av = a.toDoubleArray();
                double[] ref = new double[av.length];
                for (int i = 0; i < ref.length; i++) {
                    ref[i] = op.apply(av[i]);
                }
                try (Tensor out = a.map(op)) {
                    assertClose(op.name(), dtype, out, ref);
                }
                backend().unary(op, a, a);
                assertClose(op + " in place", dtype, a, ref);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void activationsAndDerivativesMatchReference(DType dtype, Shape shape) {
        for (Activation f : Activation.values()) {
            try (Tensor x = random(dtype, shape, -6, 6); Tensor dy = random(dtype, shape, -1, 1)) {
                double[] xv = x.toDoubleArray();
                double[] dyv = dy.toDoubleArray();
                double[] y = new double[xv.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = f.apply(xv[i]);
                }
                try (Tensor yt = x.apply(f); Tensor dx = backend().zeros(dtype, shape)) {
                    assertClose(f.name(), dtype, yt, y);
                    double[] yv = yt.toDoubleArray(); // the derivative uses the stored forward output
                    double[] ref = new double[xv.length];
                    for (int i = 0; i < ref.length; i++) {
                        ref[i] = f.derivative(xv[i], yv[i]) * dyv[i];
                    }
                    backend().activationBackward(f, x, yt, dy, dx);
                    assertClose(f + " backward", dtype, dx, ref);
                    backend().activationBackward(f, x, yt, dy, dy); // dx aliases dy
                    assertClose(f + " backward in place", dtype, dy, ref);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sigmoidAndTanhSaturateWithoutNaN(DType dtype) {
        double[] x = {-1000, -100, -30, 0, 30, 100, 1000};
        try (Tensor t = backend().fromArray(dtype, x, Shape.of(x.length))) {
            double[] s = t.apply(Activation.SIGMOID).toDoubleArray();
            double[] h = t.apply(Activation.TANH).toDoubleArray();
            double[] r = t.apply(Activation.RELU).toDoubleArray();
            assertThat(s).doesNotContain(Double.NaN);
            assertThat(s[0]).isBetween(0.0, 1e-30);
            assertThat(s[3]).isEqualTo(0.5);
            assertThat(s[6]).isEqualTo(1.0);
            assertThat(h).containsExactly(-1, -1, -1, 0, 1, 1, 1);
            assertThat(r).containsExactly(0, 0, 0, 0, 30, 100, 1000);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void reluDerivativeAtZeroIsZero(DType dtype) {
        try (Tensor x = backend().fromArray(dtype, new double[] {-1, 0, 2}, Shape.of(3));
             Tensor y = x.apply(Activation.RELU);
             Tensor dy = backend().full(dtype, Shape.of(3), 5);
             Tensor dx = backend().zeros(dtype, Shape.of(3))) {
            backend().activationBackward(Activation.RELU, x, y, dy, dx);
            assertThat(dx.toDoubleArray()).containsExactly(0, 0, 5);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void axpyMatchesReference(DType dtype, Shape shape) {
        try (Tensor x = random(dtype, shape, -1, 1); Tensor y = random(dtype, shape, -1, 1)) {
            double[] xv = x.toDoubleArray();
            double[] yv = y.toDoubleArray();
            double alpha = -0.05;
            double[] ref = new double[xv.length];
            for (int i = 0; i < ref.length; i++) {
                ref[i] = yv[i] + alpha * xv[i];
            }
            y.axpyi(alpha, x);
            assertClose("axpy", dtype, y.toDoubleArray(), ref, null);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void addRowVectorBroadcastsOverRows(DType dtype) {
        for (int[] rc : new int[][] {{1, 1}, {1, 9}, {9, 1}, {64, 128}, {257, 784}}) {
            int r = rc[0];
            int c = rc[1];
            try (Tensor a = random(dtype, Shape.of(r, c), -1, 1); Tensor row2 = random(dtype, Shape.of(1, c), -1, 1)) {
                double[] av = a.toDoubleArray();
                double[] rv = row2.toDoubleArray();
                double[] ref = new double[av.length];
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < c; j++) {
                        ref[i * c + j] = av[i * c + j] + rv[j];
                    }
                }
                try (Tensor out = a.addRowVector(row2); Tensor row1 = backend().fromArray(dtype, rv, Shape.of(c))) {
                    assertClose("addRowVector [1,c]", dtype, out, ref);
                    backend().addRowVector(a, row1, a);
                    assertClose("addRowVector [c] in place", dtype, a, ref);
                }
            }
        }
        try (Tensor a = backend().zeros(dtype, Shape.of(3, 4)); Tensor bad = backend().zeros(dtype, Shape.of(1, 5))) {
            assertThatThrownBy(() -> a.addRowVector(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[1, 5]").hasMessageContaining("[3, 4]");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void mismatchedShapesAreRejected(DType dtype, Shape shape) {
        Shape other = Shape.of(shape.size() + 1);
        try (Tensor a = backend().zeros(dtype, shape); Tensor b = backend().zeros(dtype, other)) {
            assertThatThrownBy(() -> a.add(b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("add").hasMessageContaining(shape.toString()).hasMessageContaining(other.toString());
            assertThatThrownBy(() -> a.axpyi(1, b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("axpy");
        }
    }

    // ------------------------------------------------------------------------------------ reductions

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void reductionsMatchReference(DType dtype, Shape shape) {
        try (Tensor a = random(dtype, shape, -1, 2)) {
            double[] av = a.toDoubleArray();
            double sum = 0;
            double sumAbs = 0;
            double sq = 0;
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (double v : av) {
                sum += v;
                sumAbs += Math.abs(v);
                sq += v * v;
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            Tolerance tol = Tolerance.of(dtype);
            assertThat(tol.matches(a.sum(), sum, sumAbs)).as("sum %s vs %s", a.sum(), sum).isTrue();
            assertThat(tol.matches(a.sumOfSquares(), sq, sq)).as("sumOfSquares %s vs %s", a.sumOfSquares(), sq).isTrue();
            assertThat(a.max()).isEqualTo(max);
            assertThat(a.min()).isEqualTo(min);
            assertThat(tol.matches(a.mean(), sum / av.length, sumAbs / av.length)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void maxAndMinPropagateNaNAndSumDetectsIt(DType dtype) {
        try (Tensor a = backend().fromArray(dtype, new double[] {1, Double.NaN, 3, 0}, Shape.of(4))) {
            assertThat(a.max()).isNaN();
            assertThat(a.min()).isNaN();
            assertThat(a.sum()).isNaN();
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumAlongAxes(DType dtype) {
        for (int[] rc : new int[][] {{1, 1}, {1, 13}, {13, 1}, {256, 128}, {301, 784}}) {
            int r = rc[0];
            int c = rc[1];
            try (Tensor a = random(dtype, Shape.of(r, c), -1, 1)) {
                double[] av = a.toDoubleArray();
                double[] cols = new double[c];
                double[] colScale = new double[c];
                double[] rows = new double[r];
                double[] rowScale = new double[r];
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < c; j++) {
                        cols[j] += av[i * c + j];
                        colScale[j] += Math.abs(av[i * c + j]);
                        rows[i] += av[i * c + j];
                        rowScale[i] += Math.abs(av[i * c + j]);
                    }
                }
                try (Tensor s0 = a.sum(0); Tensor s1 = a.sum(1); Tensor flat = backend().zeros(dtype, Shape.of(c));
                     Tensor m0 = a.mean(0)) {
                    assertThat(s0.shape()).isEqualTo(Shape.of(1, c));
                    assertThat(s1.shape()).isEqualTo(Shape.of(r, 1));
                    assertClose("sum axis 0", dtype, s0.toDoubleArray(), cols, colScale);
                    assertClose("sum axis 1", dtype, s1.toDoubleArray(), rows, rowScale);
                    backend().sumAlong(0, a, flat);
                    assertClose("sum axis 0 into [c]", dtype, flat.toDoubleArray(), cols, colScale);
                    double[] means = cols.clone();
                    double[] meanScale = colScale.clone();
                    for (int j = 0; j < c; j++) {
                        means[j] /= r;
                        meanScale[j] /= r;
                    }
                    assertClose("mean axis 0", dtype, m0.toDoubleArray(), means, meanScale);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------ rows

    @ParameterizedTest
    @EnumSource(DType.class)
    void gatherAndCopyRows(DType dtype) {
        int r = 300;
        int c = 37;
        try (Tensor a = random(dtype, Shape.of(r, c), -1, 1)) {
            double[] av = a.toDoubleArray();
            int[] idx = {299, 0, 5, 5, 123, 1};
            try (Tensor g = backend().zeros(dtype, Shape.of(4, c))) {
                backend().gatherRows(a, idx, 1, 4, g);
                double[] gv = g.toDoubleArray();
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < c; j++) {
                        assertThat(gv[i * c + j]).isEqualTo(av[idx[1 + i] * c + j]);
                    }
                }
            }
            try (Tensor rows = a.rows(290, 10); Tensor dst = backend().zeros(dtype, Shape.of(20, c))) {
                double[] rv = rows.toDoubleArray();
                for (int i = 0; i < 10 * c; i++) {
                    assertThat(rv[i]).isEqualTo(av[290 * c + i]);
                }
                backend().copyRows(a, 3, dst, 7, 5);
                double[] dv = dst.toDoubleArray();
                for (int i = 0; i < 20; i++) {
                    for (int j = 0; j < c; j++) {
                        double expected = i >= 7 && i < 12 ? av[(i - 7 + 3) * c + j] : 0.0;
                        assertThat(dv[i * c + j]).isEqualTo(expected);
                    }
                }
            }
            try (Tensor g = backend().zeros(dtype, Shape.of(1, c))) {
                assertThatThrownBy(() -> backend().gatherRows(a, new int[] {300}, 0, 1, g))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("300");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gatherRowsOfRank1AndRank3(DType dtype) {
        try (Tensor v = backend().fromArray(dtype, new double[] {10, 11, 12, 13}, Shape.of(4));
             Tensor g = backend().zeros(dtype, Shape.of(2));
             Tensor t = backend().fromArray(dtype, new double[] {1, 2, 3, 4, 5, 6, 7, 8}, Shape.of(2, 2, 2));
             Tensor h = backend().zeros(dtype, Shape.of(1, 2, 2))) {
            backend().gatherRows(v, new int[] {3, 1}, 0, 2, g);
            assertThat(g.toDoubleArray()).containsExactly(13, 11);
            backend().gatherRows(t, new int[] {1}, 0, 1, h);
            assertThat(h.toDoubleArray()).containsExactly(5, 6, 7, 8);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void dtypesAreNeverMixed(DType dtype) {
        DType other = dtype == DType.FLOAT32 ? DType.FLOAT64 : DType.FLOAT32;
        try (Tensor a = backend().zeros(dtype, Shape.of(2, 2)); Tensor b = backend().zeros(other, Shape.of(2, 2))) {
            assertThatThrownBy(() -> a.add(b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(dtype.name()).hasMessageContaining(other.name());
            assertThatThrownBy(() -> backend().copy(a, b)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void reductionEnumIsFullyCovered() {
        // guards the suite itself: a new Reduction constant must get a reference test above
        assertThat(Reduction.values()).containsExactlyInAnyOrder(Reduction.SUM, Reduction.SUM_OF_SQUARES,
                Reduction.MAX, Reduction.MIN);
    }
}
