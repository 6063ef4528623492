package io.github.nn4j.api.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.Inputs.Domain;
import io.github.nn4j.api.conformance.Tolerance.ElementFunction;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The definition of a working backend, part 1: every {@link Backend} operation, in both dtypes, against the
 * independent {@link ReferenceMath} within the bounds of {@link Tolerance}, on the {@link Shapes} that cross every
 * backend's blocking, vector-width and threading boundaries, with the {@link Inputs} where implementations go wrong
 * (near zero, saturation, overflow). Element-wise results are correctly rounded or within a few ulps, products
 * within {@code γ(k+2) Σ|a||b|}, sums within the double-accumulation bound; transposes and row copies are exact.
 * Also: aliasing of outputs and inputs, determinism and concurrent callers, and the errors for bad arguments.
 *
 * <p>A backend module runs it with a one-line subclass that returns its backend.
 */
public abstract class TensorConformanceTest {

    /** The backend under test; called once per test, may return a shared instance. */
    protected abstract Backend backend();

    private final Random random = new Random(234);

    // ------------------------------------------------------------------------------------ helpers

    private Tensor tensor(DType dtype, double[] values, Shape shape) {
        return backend().fromArray(dtype, values, shape);
    }

    private Tensor uniform(DType dtype, Shape shape, double low, double high) {
        return tensor(dtype, Inputs.uniform(random, dtype, shape.size(), low, high), shape);
    }

    /** Fails naming the first element of {@code actual} outside its bound, and the inputs that produced it. */
    private static void assertWithin(String what, DType dtype, double[] actual, double[] expected, double[] bounds,
                                     double[]... inputs) {
        assertThat(actual).as(what + ": length").hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (!Tolerance.within(actual[i], expected[i], bounds[i])) {
                StringBuilder in = new StringBuilder();
                for (double[] input : inputs) {
                    in.append(in.length() == 0 ? " from " : ", ").append(input[i]);
                }
                fail(what + " (" + dtype + "): element " + i + in + " is " + actual[i] + ", expected " + expected[i]
                        + " within " + bounds[i] + " (off by " + Math.abs(actual[i] - expected[i]) + ")");
            }
        }
    }

    /**
     * For correctly rounded operations: rounds the exact values in place to the dtype, the only results allowed, and
     * returns their bounds (zero, or the underflow allowance).
     */
    private static double[] correctlyRounded(Tolerance tol, double[] exact) {
        double[] b = new double[exact.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = tol.underflow(exact[i]);
            exact[i] = tol.round(exact[i]);
        }
        return b;
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
        try (Tensor t = tensor(dtype, data, Shape.of(2, 3))) {
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
        try (Tensor t = tensor(dtype, new double[] {x}, Shape.of(1))) {
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
        Tensor a = uniform(dtype, Shape.of(4, 9), -1, 1);
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
        List<Arguments> out = new ArrayList<>();
        for (DType d : DType.values()) {
            for (int[] s : Shapes.GEMM) {
                for (int t = 0; t < 4; t++) {
                    out.add(Arguments.of(d, s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0));
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> gemmShapes() {
        List<Arguments> out = new ArrayList<>();
        for (DType d : DType.values()) {
            for (int[] s : Shapes.GEMM) {
                out.add(Arguments.of(d, s[0], s[1], s[2]));
            }
        }
        return out.stream();
    }

    private static Shape aShape(int m, int k, boolean ta) {
        return ta ? Shape.of(k, m) : Shape.of(m, k);
    }

    private static Shape bShape(int k, int n, boolean tb) {
        return tb ? Shape.of(n, k) : Shape.of(k, n);
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3} transA={4} transB={5}")
    @MethodSource("gemmCases")
    void gemmMatchesReference(DType dtype, int m, int n, int k, boolean ta, boolean tb) {
        Tolerance tol = Tolerance.of(dtype);
        Shape sa = aShape(m, k, ta);
        Shape sb = bShape(k, n, tb);
        try (Tensor a = uniform(dtype, sa, -1, 1); Tensor b = uniform(dtype, sb, -1, 1);
             Tensor c = uniform(dtype, Shape.of(m, n), -1, 1)) {
            double[] av = a.toDoubleArray();
            double[] bv = b.toDoubleArray();
            double[] cv = c.toDoubleArray();
            double alpha = 0.75;
            double beta = -1.5;
            Reference.Expected ref = Reference.gemm(tol, alpha, av, sa, ta, bv, sb, tb, beta, cv, m, n);
            backend().gemm(alpha, a, ta, b, tb, beta, c);
            assertWithin("gemm alpha=0.75 beta=-1.5", dtype, c.toDoubleArray(), ref.values(), ref.bounds());

            try (Tensor p = a.matmul(b, ta, tb)) {
                Reference.Expected plain = Reference.gemm(tol, 1, av, sa, ta, bv, sb, tb, 0, null, m, n);
                assertThat(p.shape()).isEqualTo(Shape.of(m, n));
                assertWithin("matmul", dtype, p.toDoubleArray(), plain.values(), plain.bounds());
            }
        }
    }

    @ParameterizedTest(name = "{0} m={1} n={2} k={3}")
    @MethodSource("gemmShapes")
    void gemmWithBetaZeroIgnoresGarbageInOutput(DType dtype, int m, int n, int k) {
        Tolerance tol = Tolerance.of(dtype);
        try (Tensor a = uniform(dtype, Shape.of(m, k), -1, 1); Tensor b = uniform(dtype, Shape.of(n, k), -1, 1);
             Tensor c = backend().full(dtype, Shape.of(m, n), Double.NaN)) {
            backend().gemm(2, a, false, b, true, 0, c);
            Reference.Expected ref = Reference.gemm(tol, 2, a.toDoubleArray(), a.shape(), false, b.toDoubleArray(),
                    b.shape(), true, 0, null, m, n);
            assertWithin("gemm beta=0 over NaN", dtype, c.toDoubleArray(), ref.values(), ref.bounds());
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gemmAccumulatesWithBetaOne(DType dtype) {
        Tolerance tol = Tolerance.of(dtype);
        try (Tensor a = uniform(dtype, Shape.of(9, 300), -1, 1); Tensor b = uniform(dtype, Shape.of(300, 11), -1, 1);
             Tensor c = uniform(dtype, Shape.of(9, 11), -1, 1)) {
            double[] c0 = c.toDoubleArray();
            Reference.Expected ref = Reference.gemm(tol, -2, a.toDoubleArray(), a.shape(), false, b.toDoubleArray(),
                    b.shape(), false, 1, c0, 9, 11);
            backend().gemm(-2, a, false, b, false, 1, c);
            assertWithin("gemm beta=1", dtype, c.toDoubleArray(), ref.values(), ref.bounds());
        }
    }

    /**
     * Operands scaled far from 1, the results of order 1 and near the bottom of the normal range: the bound scales
     * with them, so a backend that loses the small terms or overflows an intermediate fails.
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void gemmKeepsLargeAndTinyMagnitudes(DType dtype) {
        Tolerance tol = Tolerance.of(dtype);
        int m = 33;
        int n = 35;
        int k = 300;
        double[][] scales = dtype == DType.FLOAT32
                ? new double[][] {{0x1p60, 0x1p-62}, {0x1p-60, 0x1p-60}, {0x1p40, 0x1p40}}
                : new double[][] {{0x1p500, 0x1p-502}, {0x1p-500, 0x1p-500}, {0x1p300, 0x1p300}};
        for (double[] scale : scales) {
            double[] av = Inputs.uniform(random, dtype, m * k, -scale[0], scale[0]);
            double[] bv = Inputs.uniform(random, dtype, k * n, -scale[1], scale[1]);
            try (Tensor a = tensor(dtype, av, Shape.of(m, k)); Tensor b = tensor(dtype, bv, Shape.of(k, n));
                 Tensor c = a.matmul(b)) {
                Reference.Expected ref = Reference.gemm(tol, 1, av, a.shape(), false, bv, b.shape(), false, 0, null, m, n);
                assertWithin("matmul of magnitudes " + scale[0] + " and " + scale[1], dtype, c.toDoubleArray(),
                        ref.values(), ref.bounds());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void repeatedProductsAreBitIdentical(DType dtype) {
        double[] first = product(dtype, 100, 110, 300, true, false);
        double[] second = product(dtype, 100, 110, 300, true, false);
        assertThat(second).containsExactly(first);
    }

    /** Backends are shared by the whole JVM: concurrent products on distinct outputs give the one-caller bits. */
    @ParameterizedTest
    @EnumSource(DType.class)
    void concurrentCallersGetCorrectResults(DType dtype) throws Exception {
        double[] expected = product(dtype, 100, 110, 300, false, true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                futures.add(pool.submit(() -> product(dtype, 100, 110, 300, false, true)));
            }
            for (Future<double[]> f : futures) {
                assertThat(f.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code op(a) op(b)} for fixed pseudo-random inputs. */
    private double[] product(DType dtype, int m, int n, int k, boolean ta, boolean tb) {
        Random r = new Random(42);
        try (Tensor a = tensor(dtype, Inputs.uniform(r, dtype, m * k, -1, 1), aShape(m, k, ta));
             Tensor b = tensor(dtype, Inputs.uniform(r, dtype, k * n, -1, 1), bShape(k, n, tb));
             Tensor c = a.matmul(b, ta, tb)) {
            return c.toDoubleArray();
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

    // ------------------------------------------------------------------------------------ transpose

    static Stream<Arguments> transposeCases() {
        List<Arguments> out = new ArrayList<>();
        for (DType d : DType.values()) {
            for (int[] s : Shapes.TRANSPOSE) {
                out.add(Arguments.of(d, s[0], s[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("transposeCases")
    void transposeMovesEveryElementExactly(DType dtype, int rows, int cols) {
        try (Tensor a = uniform(dtype, Shape.of(rows, cols), -1, 1);
             Tensor out = backend().full(dtype, Shape.of(cols, rows), Double.NaN)) {
            double[] av = a.toDoubleArray();
            backend().transpose(a, out);
            double[] got = out.toDoubleArray();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (Double.compare(got[j * rows + i], av[i * cols + j]) != 0) {
                        fail("transpose of " + a.shape() + " (" + dtype + "): element [" + j + ", " + i + "] is "
                                + got[j * rows + i] + ", expected a[" + i + ", " + j + "] = " + av[i * cols + j]);
                    }
                }
            }
        }
        try (Tensor a = backend().zeros(dtype, Shape.of(2, 3)); Tensor wrong = backend().zeros(dtype, Shape.of(2, 3))) {
            assertThatThrownBy(() -> backend().transpose(a, wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[3, 2]");
        }
    }

    // ------------------------------------------------------------------------------------ element-wise

    static Stream<Arguments> elementwiseShapes() {
        List<Arguments> out = new ArrayList<>();
        for (DType d : DType.values()) {
            for (Shape s : Shapes.ELEMENTWISE) {
                out.add(Arguments.of(d, s));
            }
        }
        return out.stream();
    }

    private static double reference(BinaryOp op, double a, double b) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            default: throw new AssertionError("no reference for " + op);
        }
    }

    private static double reference(ScalarOp op, double a, double s) {
        switch (op) {
            case ADD: return a + s;
            case SUB: return a - s;
            case REVERSE_SUB: return s - a;
            case MUL: return a * s;
            case DIV: return a / s;
            case MAX: return a >= s ? a : s;
            case MIN: return a <= s ? a : s;
            default: throw new AssertionError("no reference for " + op);
        }
    }

    private static double reference(UnaryOp op, double x) {
        switch (op) {
            case NEGATE: return -x;
            case ABS: return x < 0 ? -x : x;
            case SQUARE: return x * x;
            case SQRT: return ReferenceMath.sqrt(x);
            case EXP: return ReferenceMath.exp(x);
            case LOG: return ReferenceMath.log(x);
            default: throw new AssertionError("no reference for " + op);
        }
    }

    /** The budget of a unary operation, or null where it is correctly rounded (sqrt included). */
    private static ElementFunction budget(UnaryOp op) {
        switch (op) {
            case EXP: return ElementFunction.EXP;
            case LOG: return ElementFunction.LOG;
            default: return null;
        }
    }

    private static double forward(Activation f, double x) {
        switch (f) {
            case IDENTITY: return x;
            case RELU: return ReferenceMath.relu(x);
            case SIGMOID: return ReferenceMath.sigmoid(x);
            case TANH: return ReferenceMath.tanh(x);
            default: throw new AssertionError("no reference for " + f);
        }
    }

    private static double derivative(Activation f, double x) {
        switch (f) {
            case IDENTITY: return 1;
            case RELU: return ReferenceMath.reluDerivative(x);
            case SIGMOID: return ReferenceMath.sigmoidDerivative(x);
            case TANH: return ReferenceMath.tanhDerivative(x);
            default: throw new AssertionError("no reference for " + f);
        }
    }

    /** The budget of an activation, or null where it is exact. */
    private static ElementFunction budget(Activation f) {
        return f == Activation.SIGMOID ? ElementFunction.SIGMOID : f == Activation.TANH ? ElementFunction.TANH : null;
    }

    /** A bound of |h'(y)| for the derivative written in terms of the output: y(1 - y) and 1 - y². */
    private static double slope(Activation f, double y) {
        return f == Activation.SIGMOID ? 1 : f == Activation.TANH ? 2 * Math.abs(y) + 1e-3 : 0;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void binaryOpsAreCorrectlyRoundedIncludingInPlace(DType dtype, Shape shape) {
        Tolerance tol = Tolerance.of(dtype);
        for (BinaryOp op : BinaryOp.values()) {
            double[] av = Inputs.mixed(random, dtype, shape.size(), Domain.ANY, 2, 1e30);
            double[] bv = Inputs.mixed(random, dtype, shape.size(), Domain.NONZERO, 3, 1e30);
            double[] ref = new double[av.length];
            for (int i = 0; i < ref.length; i++) {
                ref[i] = reference(op, av[i], bv[i]);
            }
            double[] bounds = correctlyRounded(tol, ref);
            try (Tensor a = tensor(dtype, av, shape); Tensor b = tensor(dtype, bv, shape)) {
                try (Tensor out = a.binary(op, b)) {
                    assertWithin(op + " new", dtype, out.toDoubleArray(), ref, bounds, av, bv);
                }
                backend().binary(op, a, b, b); // out aliases the second operand
                assertWithin(op + " into b", dtype, b.toDoubleArray(), ref, bounds, av, bv);
                b.copyFrom(bv);
                backend().binary(op, a, b, a); // out aliases the first operand
                assertWithin(op + " into a", dtype, a.toDoubleArray(), ref, bounds, av, bv);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void scalarOpsAreCorrectlyRounded(DType dtype, Shape shape) {
        Tolerance tol = Tolerance.of(dtype);
        // representable in both dtypes, so rounding s to the dtype first changes nothing
        for (double s : new double[] {0.375, -1536, 0x1p-100}) {
            for (ScalarOp op : ScalarOp.values()) {
                double[] av = Inputs.mixed(random, dtype, shape.size(), Domain.ANY, 2, 1e30);
                double[] ref = new double[av.length];
                for (int i = 0; i < ref.length; i++) {
                    ref[i] = reference(op, av[i], s);
                }
                double[] bounds = correctlyRounded(tol, ref);
                try (Tensor a = tensor(dtype, av, shape)) {
                    try (Tensor out = a.scalar(op, s)) {
                        assertWithin("scalar " + op + " " + s, dtype, out.toDoubleArray(), ref, bounds, av);
                    }
                    backend().scalar(op, a, s, a);
                    assertWithin("scalar " + op + " " + s + " in place", dtype, a.toDoubleArray(), ref, bounds, av);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void unaryOpsMatchReference(DType dtype, Shape shape) {
        Tolerance tol = Tolerance.of(dtype);
        for (UnaryOp op : UnaryOp.values()) {
            boolean positive = op == UnaryOp.LOG || op == UnaryOp.SQRT;
            double[] av = positive ? Inputs.mixed(random, dtype, shape.size(), Domain.POSITIVE, 3, 1e30)
                    : Inputs.mixed(random, dtype, shape.size(), Domain.ANY, 3, op == UnaryOp.EXP ? 200 : 1e30);
            ElementFunction budget = budget(op);
            double[] ref = new double[av.length];
            double[] bounds = new double[av.length];
            for (int i = 0; i < ref.length; i++) {
                double exact = reference(op, av[i]);
                bounds[i] = budget == null ? tol.underflow(exact) : tol.function(budget, exact);
                ref[i] = budget == null ? tol.round(exact) : tol.expected(exact);
            }
            try (Tensor a = tensor(dtype, av, shape)) {
                try (Tensor out = a.map(op)) {
                    assertWithin(op.name(), dtype, out.toDoubleArray(), ref, bounds, av);
                }
                backend().unary(op, a, a);
                assertWithin(op + " in place", dtype, a.toDoubleArray(), ref, bounds, av);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void activationsMatchReference(DType dtype, Shape shape) {
        Tolerance tol = Tolerance.of(dtype);
        for (Activation f : Activation.values()) {
            double[] xv = Inputs.mixed(random, dtype, shape.size(), Domain.ANY, 6, 1e3);
            ElementFunction budget = budget(f);
            double[] ref = new double[xv.length];
            double[] bounds = new double[xv.length];
            for (int i = 0; i < ref.length; i++) {
                double exact = forward(f, xv[i]);
                bounds[i] = budget == null ? tol.underflow(exact) : tol.function(budget, exact);
                ref[i] = budget == null ? tol.round(exact) : tol.expected(exact);
            }
            try (Tensor x = tensor(dtype, xv, shape)) {
                try (Tensor y = x.apply(f)) {
                    assertWithin(f.name(), dtype, y.toDoubleArray(), ref, bounds, xv);
                }
                backend().activation(f, x, x);
                assertWithin(f + " in place", dtype, x.toDoubleArray(), ref, bounds, xv);
            }
        }
    }

    /**
     * {@code dx = f'(x) dy} against the derivative computed from x by the reference (not from the backend's y), so
     * that a wrong derivative formula fails wherever it lives, with the forward's error carried in the bound.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void activationDerivativesMatchReference(DType dtype, Shape shape) {
        Tolerance tol = Tolerance.of(dtype);
        for (Activation f : Activation.values()) {
            double[] xv = Inputs.mixed(random, dtype, shape.size(), Domain.ANY, 6, 1e3);
            double[] dyv = Inputs.uniform(random, dtype, shape.size(), -1, 1);
            ElementFunction budget = budget(f);
            double[] ref = new double[xv.length];
            double[] bounds = new double[xv.length];
            for (int i = 0; i < ref.length; i++) {
                double d = derivative(f, xv[i]);
                double exact = d * dyv[i];
                bounds[i] = budget == null ? tol.underflow(exact)
                        : tol.activationBackward(budget, forward(f, xv[i]), d, slope(f, forward(f, xv[i])), dyv[i]);
                ref[i] = budget == null ? tol.round(exact) : exact;
            }
            try (Tensor x = tensor(dtype, xv, shape); Tensor y = x.apply(f); Tensor dy = tensor(dtype, dyv, shape);
                 Tensor dx = backend().zeros(dtype, shape)) {
                backend().activationBackward(f, x, y, dy, dx);
                assertWithin(f + " backward", dtype, dx.toDoubleArray(), ref, bounds, xv, dyv);
                backend().activationBackward(f, x, y, dy, dy); // dx aliases dy
                assertWithin(f + " backward in place", dtype, dy.toDoubleArray(), ref, bounds, xv, dyv);
            }
        }
    }

    /**
     * Saturation and the extremes, on a short tensor and on one long enough for vectorised paths: no NaN, exactly 0
     * and 1 (sigmoid) or ±1 (tanh) far out, 1/2 and 0 at 0, and the budgets everywhere.
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void sigmoidAndTanhSaturateWithoutNaN(DType dtype) {
        Tolerance tol = Tolerance.of(dtype);
        double[] special = {-1000, -100, -30, 0, 30, 100, 1000, -1e30, 1e30, Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, -89, 89, -50, 50, 17, -17, -0.0};
        for (int n : new int[] {special.length, 1041}) {
            double[] x = Inputs.stored(dtype, Inputs.repeated(special, n));
            try (Tensor t = tensor(dtype, x, Shape.of(n))) {
                double[] s = t.apply(Activation.SIGMOID).toDoubleArray();
                double[] h = t.apply(Activation.TANH).toDoubleArray();
                assertThat(s).doesNotContain(Double.NaN);
                assertThat(Arrays.copyOf(s, 7)).containsExactly(new double[] {0, 0, 0, 0.5, 1, 1, 1}, org.assertj.core.data.Offset.offset(1e-13));
                assertThat(s[0]).isBetween(0.0, 1e-30);
                assertThat(s[3]).isEqualTo(0.5);
                assertThat(s[6]).isEqualTo(1.0);
                assertThat(Arrays.copyOf(h, 7)).containsExactly(-1, -1, -1, 0, 1, 1, 1);
                for (int i = 0; i < n; i++) {
                    double es = ReferenceMath.sigmoid(x[i]);
                    double eh = ReferenceMath.tanh(x[i]);
                    assertThat(Tolerance.within(s[i], es, tol.function(ElementFunction.SIGMOID, es)))
                            .as("sigmoid(%s) = %s, expected %s (%s elements)", x[i], s[i], es, n).isTrue();
                    assertThat(Tolerance.within(h[i], eh, tol.function(ElementFunction.TANH, eh)))
                            .as("tanh(%s) = %s, expected %s (%s elements)", x[i], h[i], eh, n).isTrue();
                }
            }
        }
    }

    /**
     * ReLU on the extremes: the input itself where it is positive (subnormals and infinity included), zero
     * elsewhere; its gradient passes dy where x > 0 and is zero elsewhere. Two things are left open: the sign of a
     * zero result (the Java kernels give +0 for -0, ND4J's native kernel -0) and ReLU of NaN (0 in Java, NaN in
     * ND4J's native kernel).
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void reluOfSpecialValuesFollowsTheDefinition(DType dtype) {
        double[] special = {-0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
            1.5, -1.5, 2.0, -2.0, 3.0, -3.0, 4.0};
        for (int n : new int[] {special.length, 1041}) {
            double[] x = Inputs.stored(dtype, Inputs.repeated(special, n));
            double[] dyv = new double[n];
            Arrays.fill(dyv, -7.0);
            try (Tensor tx = tensor(dtype, x, Shape.of(n)); Tensor y = tx.apply(Activation.RELU);
                 Tensor dy = tensor(dtype, dyv, Shape.of(n))) {
                backend().activationBackward(Activation.RELU, tx, y, dy, dy);
                double[] got = y.toDoubleArray();
                double[] grad = dy.toDoubleArray();
                for (int i = 0; i < n; i++) {
                    double expected = ReferenceMath.relu(x[i]);
                    double expectedGrad = ReferenceMath.reluDerivative(x[i]) * -7.0;
                    // == on purpose: a zero of either sign passes
                    assertThat(got[i] == expected).as("relu(%s) %s is %s", x[i], dtype, got[i]).isTrue();
                    assertThat(grad[i] == expectedGrad).as("relu'(%s) * -7 %s is %s", x[i], dtype, grad[i]).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void reluDerivativeAtZeroIsZero(DType dtype) {
        try (Tensor x = tensor(dtype, new double[] {-1, 0, 2}, Shape.of(3));
             Tensor y = x.apply(Activation.RELU);
             Tensor dy = backend().full(dtype, Shape.of(3), 5);
             Tensor dx = backend().zeros(dtype, Shape.of(3))) {
            backend().activationBackward(Activation.RELU, x, y, dy, dx);
            assertThat(dx.toDoubleArray()).containsExactly(0, 0, 5);
        }
    }

    /**
     * Leaky ReLU and its gradient are one multiplication each where {@code x <= 0}: correctly rounded, for slopes the
     * dtype represents, in place too; NaN stays NaN.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void leakyReluAndItsGradientAreCorrectlyRounded(DType dtype, Shape shape) {
        Tolerance tol = Tolerance.of(dtype);
        for (double alpha : new double[] {0.25, -0.375, 0x1p-7}) {
            double[] xv = Inputs.mixed(random, dtype, shape.size(), Domain.ANY, 6, 1e30);
            double[] dyv = Inputs.mixed(random, dtype, shape.size(), Domain.ANY, 2, 1e30);
            double[] ref = new double[xv.length];
            double[] grad = new double[xv.length];
            for (int i = 0; i < ref.length; i++) {
                ref[i] = ReferenceMath.leakyRelu(xv[i], alpha);
                grad[i] = ReferenceMath.leakyReluDerivative(xv[i], alpha) * dyv[i];
            }
            double[] bounds = correctlyRounded(tol, ref);
            double[] gradBounds = correctlyRounded(tol, grad);
            try (Tensor x = tensor(dtype, xv, shape); Tensor y = backend().zeros(dtype, shape);
                 Tensor dy = tensor(dtype, dyv, shape); Tensor dx = backend().zeros(dtype, shape)) {
                backend().leakyRelu(alpha, x, y);
                assertWithin("leakyRelu " + alpha, dtype, y.toDoubleArray(), ref, bounds, xv);
                backend().leakyReluBackward(alpha, x, dy, dx);
                assertWithin("leakyRelu backward " + alpha, dtype, dx.toDoubleArray(), grad, gradBounds, xv, dyv);
                backend().leakyReluBackward(alpha, x, dy, dy); // dx aliases dy
                assertWithin("leakyRelu backward into dy " + alpha, dtype, dy.toDoubleArray(), grad, gradBounds, xv,
                        dyv);
                backend().leakyRelu(alpha, x, x); // y aliases x
                assertWithin("leakyRelu in place " + alpha, dtype, x.toDoubleArray(), ref, bounds, xv);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void leakyReluOfSpecialValuesAndBadArguments(DType dtype) {
        double alpha = 0.5;
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, -2, 2};
        for (int n : new int[] {special.length, 1041}) {
            double[] x = Inputs.stored(dtype, Inputs.repeated(special, n));
            try (Tensor tx = tensor(dtype, x, Shape.of(n)); Tensor y = backend().zeros(dtype, Shape.of(n));
                 Tensor dy = backend().full(dtype, Shape.of(n), -4); Tensor dx = backend().zeros(dtype, Shape.of(n))) {
                backend().leakyRelu(alpha, tx, y);
                backend().leakyReluBackward(alpha, tx, dy, dx);
                double[] got = y.toDoubleArray();
                double[] grad = dx.toDoubleArray();
                for (int i = 0; i < n; i++) {
                    double expected = ReferenceMath.leakyRelu(x[i], alpha);
                    assertThat(Double.isNaN(expected) ? Double.isNaN(got[i]) : got[i] == expected)
                            .as("leakyRelu(%s) %s is %s", x[i], dtype, got[i]).isTrue();
                    assertThat(grad[i]).as("leakyRelu'(%s) * -4 %s", x[i], dtype)
                            .isEqualTo(ReferenceMath.leakyReluDerivative(x[i], alpha) * -4);
                }
            }
        }
        try (Tensor a = backend().zeros(dtype, Shape.of(2, 3)); Tensor b = backend().zeros(dtype, Shape.of(3, 2))) {
            assertThatThrownBy(() -> backend().leakyRelu(Double.NaN, a, a)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("leakyRelu").hasMessageContaining("alpha").hasMessageContaining("NaN");
            assertThatThrownBy(() -> backend().leakyRelu(0.1, a, b)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("leakyRelu").hasMessageContaining("[2, 3]").hasMessageContaining("[3, 2]");
            assertThatThrownBy(() -> backend().leakyReluBackward(0.1, a, a, b))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leakyRelu backward");
            assertThatThrownBy(() -> backend().leakyReluBackward(0.1, a, b, a))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leakyRelu backward")
                    .hasMessageContaining("[3, 2]");
            DType other = dtype == DType.FLOAT32 ? DType.FLOAT64 : DType.FLOAT32;
            try (Tensor c = backend().zeros(other, Shape.of(2, 3))) {
                assertThatThrownBy(() -> backend().leakyRelu(0.1, a, c)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("leakyRelu").hasMessageContaining(other.name());
                assertThatThrownBy(() -> backend().leakyReluBackward(0.1, a, a, c))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(other.name());
            }
            assertThatThrownBy(() -> backend().leakyReluBackward(Double.POSITIVE_INFINITY, a, a, a))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        }
    }

    // ------------------------------------------------------------------------------------ probabilities, dropout

    static Stream<Arguments> rowCases() {
        List<Arguments> out = new ArrayList<>();
        for (DType d : DType.values()) {
            for (int[] rc : Shapes.MATRICES) {
                out.add(Arguments.of(d, rc[0], rc[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("rowCases")
    void softmaxAndItsGradientMatchReference(DType dtype, int rows, int cols) {
        ProbabilityChecks check = new ProbabilityChecks(backend(), dtype);
        check.softmax(rows, cols);
        check.softmaxBackward(rows, cols);
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("rowCases")
    void softmaxCrossEntropyMatchesReference(DType dtype, int rows, int cols) {
        new ProbabilityChecks(backend(), dtype).softmaxCrossEntropy(rows, cols);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void softmaxCrossEntropyKnownValuesAndBadArguments(DType dtype) {
        ProbabilityChecks check = new ProbabilityChecks(backend(), dtype);
        check.softmaxCrossEntropyKnownValues();
        check.softmaxCrossEntropyRejectsBadArguments();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void sigmoidCrossEntropyMatchesReference(DType dtype, Shape shape) {
        new ProbabilityChecks(backend(), dtype).sigmoidCrossEntropy(shape);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void dropoutMasksFollowTheRuleBitForBit(DType dtype, Shape shape) {
        new ProbabilityChecks(backend(), dtype).dropoutMask(shape);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void dropoutMasksDifferBetweenStepsAndSeeds(DType dtype) {
        new ProbabilityChecks(backend(), dtype).dropoutMasksDifferBetweenStepsAndSeeds();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("elementwiseShapes")
    void axpyMatchesReference(DType dtype, Shape shape) {
        Tolerance tol = Tolerance.of(dtype);
        for (double alpha : new double[] {-0.05, 3}) {
            double[] xv = Inputs.mixed(random, dtype, shape.size(), Domain.ANY, 1, 1e20);
            double[] yv = Inputs.mixed(random, dtype, shape.size(), Domain.ANY, 1, 1e20);
            double[] ref = new double[xv.length];
            double[] bounds = new double[xv.length];
            for (int i = 0; i < ref.length; i++) {
                ref[i] = yv[i] + alpha * xv[i];
                bounds[i] = tol.axpy(yv[i], alpha * xv[i]);
            }
            try (Tensor x = tensor(dtype, xv, shape); Tensor y = tensor(dtype, yv, shape)) {
                y.axpyi(alpha, x);
                assertWithin("axpy alpha=" + alpha, dtype, y.toDoubleArray(), ref, bounds, yv, xv);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void addRowVectorBroadcastsOverRows(DType dtype) {
        Tolerance tol = Tolerance.of(dtype);
        for (int[] rc : Shapes.MATRICES) {
            int r = rc[0];
            int c = rc[1];
            double[] av = Inputs.mixed(random, dtype, r * c, Domain.ANY, 1, 1e30);
            double[] rv = Inputs.mixed(random, dtype, c, Domain.ANY, 1, 1e30);
            double[] ref = new double[av.length];
            double[] rows = new double[av.length];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    ref[i * c + j] = av[i * c + j] + rv[j];
                    rows[i * c + j] = rv[j];
                }
            }
            double[] bounds = correctlyRounded(tol, ref);
            try (Tensor a = tensor(dtype, av, Shape.of(r, c)); Tensor row2 = tensor(dtype, rv, Shape.of(1, c));
                 Tensor out = a.addRowVector(row2); Tensor row1 = tensor(dtype, rv, Shape.of(c))) {
                assertWithin("addRowVector [1, c] to " + a.shape(), dtype, out.toDoubleArray(), ref, bounds, av, rows);
                backend().addRowVector(a, row1, a);
                assertWithin("addRowVector [c] in place to " + a.shape(), dtype, a.toDoubleArray(), ref, bounds, av, rows);
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
        int n = shape.size();
        double[] av = Inputs.mixed(random, dtype, n, Domain.ANY, 2, 1e3);
        double[] squares = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            squares[i] = av[i] * av[i];
            max = av[i] > max ? av[i] : max;
            min = av[i] < min ? av[i] : min;
        }
        double doubleU = Math.ulp(1.0) / 2;
        double sum = ReferenceMath.sum(av);
        double sumBound = Tolerance.sum(n, ReferenceMath.sumOfAbs(av, 0, n, 1)) + doubleU * Math.abs(sum);
        double sq = ReferenceMath.sumOfSquares(av);
        // FLOAT32 squares are exact in double; FLOAT64 ones round once more
        double sqBound = Tolerance.sum(dtype == DType.FLOAT32 ? n : n + 1, sq) + doubleU * sq;
        try (Tensor a = tensor(dtype, av, shape)) {
            assertThat(Tolerance.within(a.sum(), sum, sumBound))
                    .as("sum of %s %s is %s, expected %s within %s", dtype, shape, a.sum(), sum, sumBound).isTrue();
            assertThat(Tolerance.within(a.sumOfSquares(), sq, sqBound))
                    .as("sumOfSquares of %s %s is %s, expected %s within %s", dtype, shape, a.sumOfSquares(), sq, sqBound)
                    .isTrue();
            assertThat(a.max()).isEqualTo(max);
            assertThat(a.min()).isEqualTo(min);
            double mean = sum / n;
            assertThat(Tolerance.within(a.mean(), mean, sumBound / n + 2 * doubleU * Math.abs(mean)))
                    .as("mean of %s %s is %s, expected %s", dtype, shape, a.mean(), mean).isTrue();
        }
    }

    /**
     * Sums accumulate in double: 65,536 copies of 0.1f (in a FLOAT32 accumulator the sum drifts by about 1e-4 of
     * itself; the bound is about 1e-11 of it).
     */
    @ParameterizedTest
    @EnumSource(DType.class)
    void sumsAreAccumulatedInDouble(DType dtype) {
        int n = 1 << 16;
        double v = (float) 0.1;
        double[] data = new double[n];
        Arrays.fill(data, v);
        double exact = n * v; // v has 24 significant bits: n v is exact
        double exactSquares = ReferenceMath.sumOfSquares(data);
        try (Tensor t = tensor(dtype, data, Shape.of(n))) {
            double bound = Tolerance.sum(n, exact);
            assertThat(Tolerance.within(t.sum(), exact, bound)).as("sum %s, expected %s within %s", t.sum(), exact, bound)
                    .isTrue();
            double sqBound = Tolerance.sum(n + 1, exactSquares) + Math.ulp(exactSquares);
            assertThat(Tolerance.within(t.sumOfSquares(), exactSquares, sqBound))
                    .as("sumOfSquares %s, expected %s within %s", t.sumOfSquares(), exactSquares, sqBound).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void maxAndMinPropagateNaNAndSumDetectsIt(DType dtype) {
        for (int n : new int[] {4, 257, 1041}) {
            for (int at : new int[] {0, 1, n / 2, n - 1}) {
                double[] a = Inputs.uniform(random, dtype, n, -1, 1);
                a[at] = Double.NaN;
                try (Tensor t = tensor(dtype, a, Shape.of(n))) {
                    assertThat(t.max()).as("max of %d with NaN at %d", n, at).isNaN();
                    assertThat(t.min()).as("min of %d with NaN at %d", n, at).isNaN();
                    assertThat(t.sum()).as("sum of %d with NaN at %d", n, at).isNaN();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumAlongAxes(DType dtype) {
        Tolerance tol = Tolerance.of(dtype);
        double doubleU = Math.ulp(1.0) / 2;
        for (int[] rc : Shapes.MATRICES) {
            int r = rc[0];
            int c = rc[1];
            double[] av = Inputs.mixed(random, dtype, r * c, Domain.ANY, 1, 10);
            double[] cols = new double[c];
            double[] colBounds = new double[c];
            double[] means = new double[c];
            double[] meanBounds = new double[c];
            for (int j = 0; j < c; j++) {
                cols[j] = ReferenceMath.sum(av, j, r, c);
                colBounds[j] = tol.sumAlong(r, ReferenceMath.sumOfAbs(av, j, r, c)) + doubleU * Math.abs(cols[j]);
                means[j] = cols[j] / r;
                meanBounds[j] = colBounds[j] / r + tol.ulps(means[j], 0.5);
            }
            double[] rows = new double[r];
            double[] rowBounds = new double[r];
            for (int i = 0; i < r; i++) {
                rows[i] = ReferenceMath.sum(av, i * c, c, 1);
                rowBounds[i] = tol.sumAlong(c, ReferenceMath.sumOfAbs(av, i * c, c, 1)) + doubleU * Math.abs(rows[i]);
            }
            try (Tensor a = tensor(dtype, av, Shape.of(r, c)); Tensor s0 = a.sum(0); Tensor s1 = a.sum(1);
                 Tensor flat = backend().zeros(dtype, Shape.of(c)); Tensor m0 = a.mean(0)) {
                assertThat(s0.shape()).isEqualTo(Shape.of(1, c));
                assertThat(s1.shape()).isEqualTo(Shape.of(r, 1));
                assertWithin("column sums of " + a.shape(), dtype, s0.toDoubleArray(), cols, colBounds);
                assertWithin("row sums of " + a.shape(), dtype, s1.toDoubleArray(), rows, rowBounds);
                backend().sumAlong(0, a, flat);
                assertWithin("column sums of " + a.shape() + " into [c]", dtype, flat.toDoubleArray(), cols, colBounds);
                assertWithin("column means of " + a.shape(), dtype, m0.toDoubleArray(), means, meanBounds);
            }
        }
    }

    // ------------------------------------------------------------------------------------ rows

    @ParameterizedTest
    @EnumSource(DType.class)
    void gatherAndCopyRows(DType dtype) {
        int r = 300;
        int c = 37;
        try (Tensor a = uniform(dtype, Shape.of(r, c), -1, 1)) {
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
        try (Tensor v = tensor(dtype, new double[] {10, 11, 12, 13}, Shape.of(4));
             Tensor g = backend().zeros(dtype, Shape.of(2));
             Tensor t = tensor(dtype, new double[] {1, 2, 3, 4, 5, 6, 7, 8}, Shape.of(2, 2, 2));
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
        // guards the suite itself: a new Reduction constant must get a reference test above (the other enums
        // fail by themselves: their reference switches throw for a constant they do not know)
        assertThat(Reduction.values()).containsExactlyInAnyOrder(Reduction.SUM, Reduction.SUM_OF_SQUARES,
                Reduction.MAX, Reduction.MIN);
    }
}
