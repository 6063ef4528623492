package io.github.nn4j.api.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.reference.ReferenceBackend;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link Backend}'s validation, which every backend inherits: each public operation rejects, before writing anything,
 * a closed tensor, a tensor of another backend, mixed dtypes, shapes that do not fit and forbidden aliasing, with a
 * message naming the operation and the problem; and accepts the limits of what is valid.
 */
class BackendValidationTest {
    private final Backend be = new ReferenceBackend();
    private final Backend other = new ReferenceBackend();

    private Tensor t(int... dims) {
        Shape s = Shape.of(dims);
        double[] v = new double[s.size()];
        Arrays.fill(v, 1.5);
        return be.fromArray(DType.FLOAT32, v, s);
    }

    /** The operation must throw naming {@code fragments}, and leave {@code out} unwritten. */
    private static void rejects(Tensor out, Consumer<Tensor> op, Class<? extends RuntimeException> type, String... fragments) {
        double[] before = out.isClosed() ? null : out.toDoubleArray();
        var thrown = assertThatThrownBy(() -> op.accept(out)).isInstanceOf(type);
        for (String f : fragments) {
            thrown.hasMessageContaining(f);
        }
        if (before != null) {
            assertThat(out.toDoubleArray()).as("output written before validation failed").containsExactly(before);
        }
    }

    @Test
    void everyOperationRejectsAClosedTensor() {
        Tensor closed = t(2, 2);
        closed.close();
        Tensor a = t(2, 2);
        Tensor out = t(2, 2);
        Class<IllegalStateException> ise = IllegalStateException.class;
        rejects(out, o -> be.binary(BinaryOp.ADD, closed, a, o), ise, "add", "closed");
        rejects(out, o -> be.binary(BinaryOp.ADD, a, closed, o), ise, "closed");
        rejects(out, o -> be.scalar(ScalarOp.MUL, closed, 2, o), ise, "scalar mul", "closed");
        rejects(out, o -> be.unary(UnaryOp.EXP, closed, o), ise, "exp", "closed");
        rejects(out, o -> be.activation(Activation.TANH, closed, o), ise, "tanh", "closed");
        rejects(out, o -> be.activationBackward(Activation.TANH, a, a, closed, o), ise, "tanh backward", "closed");
        rejects(out, o -> be.gemm(1, closed, false, a, false, 0, o), ise, "gemm", "closed");
        rejects(out, o -> be.transpose(closed, o), ise, "transpose", "closed");
        rejects(out, o -> be.axpy(1, closed, o), ise, "axpy", "closed");
        rejects(out, o -> be.copy(closed, o), ise, "copy", "closed");
        rejects(out, o -> be.sumAlong(0, closed, o), ise, "sumAlong", "closed");
        rejects(out, o -> be.gatherRows(closed, new int[] {0}, 0, 1, o), ise, "gatherRows", "closed");
        rejects(out, o -> be.copyRows(closed, 0, o, 0, 1), ise, "copyRows", "closed");
        rejects(out, o -> be.addRowVector(a, closed, o), ise, "addRowVector", "closed");
        assertThatThrownBy(() -> be.fill(closed, 1)).isInstanceOf(ise).hasMessageContaining("fill");
        assertThatThrownBy(() -> be.reduce(Reduction.SUM, closed)).isInstanceOf(ise).hasMessageContaining("sum");
        assertThatThrownBy(() -> be.read(closed, new float[4])).isInstanceOf(ise).hasMessageContaining("read");
        assertThatThrownBy(() -> be.read(closed, new double[4])).isInstanceOf(ise).hasMessageContaining("read");
        assertThatThrownBy(() -> be.write(closed, new float[4])).isInstanceOf(ise).hasMessageContaining("write");
        assertThatThrownBy(() -> be.write(closed, new double[4])).isInstanceOf(ise).hasMessageContaining("write");
        Tensor closedOut = t(2, 2);
        closedOut.close();
        assertThatThrownBy(() -> be.binary(BinaryOp.ADD, a, a, closedOut)).isInstanceOf(ise);
    }

    @Test
    void everyOperationRejectsTensorsOfAnotherBackendOrDtype() {
        Tensor a = t(2, 2);
        Tensor out = t(2, 2);
        Tensor foreign = other.zeros(DType.FLOAT32, Shape.of(2, 2));
        Tensor wide = be.zeros(DType.FLOAT64, Shape.of(2, 2));
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        for (Tensor bad : new Tensor[] {foreign, wide}) {
            String why = bad == foreign ? "backend" : "FLOAT64";
            rejects(out, o -> be.binary(BinaryOp.SUB, a, bad, o), iae, "sub", why);
            rejects(out, o -> be.scalar(ScalarOp.ADD, bad, 1, o), iae, "scalar add", why);
            rejects(out, o -> be.unary(UnaryOp.LOG, bad, o), iae, "log", why);
            rejects(out, o -> be.activation(Activation.RELU, bad, o), iae, "relu", why);
            rejects(out, o -> be.activationBackward(Activation.RELU, a, bad, a, o), iae, "relu backward", why);
            rejects(out, o -> be.activationBackward(Activation.RELU, a, a, a, bad), iae, "relu backward", why);
            rejects(out, o -> be.gemm(1, a, false, bad, false, 0, o), iae, "gemm", why);
            rejects(out, o -> be.transpose(bad, o), iae, "transpose", why);
            rejects(out, o -> be.axpy(1, bad, o), iae, "axpy", why);
            rejects(out, o -> be.copy(bad, o), iae, "copy", why);
            rejects(out, o -> be.addRowVector(a, bad, o), iae, "addRowVector", why);
            rejects(out, o -> be.sumAlong(1, bad, o), iae, "sumAlong", why);
            rejects(out, o -> be.gatherRows(bad, new int[] {0}, 0, 1, o), iae, "gatherRows", why);
            rejects(out, o -> be.copyRows(bad, 0, o, 0, 1), iae, "copyRows", why);
        }
        assertThatThrownBy(() -> be.reduce(Reduction.MAX, foreign)).isInstanceOf(iae).hasMessageContaining("max")
                .hasMessageContaining("backend");
        assertThatThrownBy(() -> be.fill(foreign, 0)).isInstanceOf(iae).hasMessageContaining("fill");
    }

    @Test
    void shapesThatDoNotFitAreNamed() {
        Tensor a = t(2, 3);
        Tensor b = t(3, 2);
        Tensor out = t(2, 3);
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        rejects(out, o -> be.binary(BinaryOp.MUL, a, b, o), iae, "mul", "[2, 3]", "[3, 2]");
        rejects(out, o -> be.binary(BinaryOp.MUL, a, a, t(3, 2)), iae, "mul", "[3, 2]");
        rejects(out, o -> be.scalar(ScalarOp.DIV, b, 2, o), iae, "scalar div", "[3, 2]");
        rejects(out, o -> be.unary(UnaryOp.SQRT, b, o), iae, "sqrt", "[3, 2]");
        rejects(out, o -> be.activation(Activation.SIGMOID, b, o), iae, "sigmoid", "[3, 2]");
        rejects(out, o -> be.activationBackward(Activation.SIGMOID, a, b, a, o), iae, "sigmoid backward", "[3, 2]");
        rejects(out, o -> be.activationBackward(Activation.SIGMOID, a, a, b, o), iae, "sigmoid backward", "[3, 2]");
        rejects(out, o -> be.activationBackward(Activation.SIGMOID, a, a, a, b), iae, "sigmoid backward", "[3, 2]");
        rejects(out, o -> be.copy(b, o), iae, "copy", "[3, 2]");
        rejects(out, o -> be.axpy(1, b, o), iae, "axpy", "[3, 2]");
        rejects(out, o -> be.addRowVector(a, t(1, 2), o), iae, "addRowVector", "[1, 2]", "[2, 3]");
        rejects(out, o -> be.addRowVector(a, t(3), t(3, 2)), iae, "addRowVector", "[3, 2]");
        rejects(out, o -> be.addRowVector(t(6), t(6), o), iae, "addRowVector", "rank-2");
        rejects(out, o -> be.transpose(t(6), o), iae, "transpose", "rank-2");
        rejects(out, o -> be.transpose(a, o), iae, "transpose", "[3, 2]", "[2, 3]");
        rejects(out, o -> be.sumAlong(0, t(6), t(1, 6)), iae, "sumAlong", "rank-2");
        rejects(out, o -> be.sumAlong(2, a, t(1, 3)), iae, "sumAlong", "axis", "2");
        rejects(out, o -> be.sumAlong(0, a, t(1, 2)), iae, "sumAlong", "[1, 2]");
        rejects(out, o -> be.sumAlong(1, a, t(3, 1)), iae, "sumAlong", "[3, 1]");
        rejects(out, o -> be.gemm(1, a, false, a, false, 0, o), iae, "gemm", "[2, 3]");
        rejects(out, o -> be.gemm(1, a, true, b, true, 0, o), iae, "gemm", "[3, 2]ᵀ");
        rejects(out, o -> be.gemm(1, t(6), false, b, false, 0, o), iae, "gemm", "[6]");
        rejects(out, o -> be.gemm(1, a, false, b, false, 0, t(6)), iae, "gemm", "[6]");
        rejects(out, o -> be.gatherRows(a, new int[] {0}, 0, 2, o), iae, "gatherRows", "indices[0 .. 2)");
        rejects(out, o -> be.gatherRows(a, new int[] {0, 1}, -1, 1, o), iae, "gatherRows");
        rejects(out, o -> be.gatherRows(a, new int[] {0, 1}, 0, -1, o), iae, "gatherRows");
        rejects(out, o -> be.gatherRows(a, new int[] {0, 2}, 0, 2, t(2, 3)), iae, "gatherRows", "index 2", "position 1");
        rejects(out, o -> be.gatherRows(a, new int[] {-1}, 0, 1, t(1, 3)), iae, "gatherRows", "index -1");
        rejects(out, o -> be.gatherRows(a, new int[] {0}, 0, 1, t(1, 2)), iae, "gatherRows", "[1, 3]", "[1, 2]");
        rejects(out, o -> be.copyRows(a, 0, t(2, 2), 0, 1), iae, "copyRows", "differ");
        rejects(out, o -> be.copyRows(a, 1, o, 0, 2), iae, "copyRows", "out of range");
        rejects(out, o -> be.copyRows(a, 0, o, 1, 2), iae, "copyRows", "out of range");
        rejects(out, o -> be.copyRows(a, -1, o, 0, 1), iae, "copyRows", "out of range");
        rejects(out, o -> be.copyRows(a, 0, o, -1, 1), iae, "copyRows", "out of range");
        rejects(out, o -> be.copyRows(a, 0, o, 0, -1), iae, "copyRows", "out of range");
    }

    @Test
    void theLimitsOfValidArgumentsAreAccepted() {
        Tensor a = t(2, 3);
        Tensor out = be.zeros(DType.FLOAT32, Shape.of(2, 3));
        be.copyRows(a, 0, out, 0, 2); // all rows, to the last
        be.copyRows(a, 1, out, 1, 1);
        be.copyRows(a, 2, out, 2, 0); // nothing, at the end
        assertThat(out.toDoubleArray()).containsOnly(1.5);
        be.gatherRows(a, new int[] {1, 0}, 0, 2, out); // the whole index array
        be.gatherRows(a, new int[] {9, 1}, 1, 1, t(1, 3)); // only the slice is checked
        be.sumAlong(0, a, t(3));
        be.sumAlong(1, a, t(2));
        be.sumAlong(1, a, t(2, 1));
        be.addRowVector(a, t(3), out);
        be.gemm(1, a, true, a, false, 0, t(3, 3));
        be.gemm(1, a, false, a, true, 0, t(2, 2));
        be.transpose(a, t(3, 2));
        be.copy(a, a); // the same tensor: nothing to do
        assertThat(be.fromArray(new float[6], Shape.of(2, 3)).size()).isEqualTo(6);
    }

    @Test
    void forbiddenAliasingIsRejected() {
        Tensor a = t(3, 3);
        Tensor b = t(3, 3);
        Tensor row = t(1, 3);
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        rejects(a, o -> be.gemm(1, o, false, b, false, 0, o), iae, "gemm", "must not also be an input");
        rejects(b, o -> be.gemm(1, a, false, o, false, 0, o), iae, "gemm", "must not also be an input");
        rejects(a, o -> be.transpose(o, o), iae, "transpose", "must not also be an input");
        rejects(a, o -> be.gatherRows(o, new int[] {0, 1, 2}, 0, 3, o), iae, "gatherRows", "must not also be an input");
        rejects(a, o -> be.copyRows(o, 0, o, 0, 1), iae, "copyRows", "must not also be an input");
        rejects(row, o -> be.addRowVector(t(1, 3), o, o), iae, "addRowVector", "must not also be an input");
        Tensor square = t(1, 1);
        rejects(square, o -> be.sumAlong(0, o, o), iae, "sumAlong", "must not also be an input");
        // allowed: element-wise outputs that are inputs
        be.binary(BinaryOp.ADD, a, b, a);
        be.axpy(2, a, a);
        assertThat(a.toDoubleArray()).containsOnly(9.0);
    }

    @Test
    void arrayLengthsMustFitTheShape() {
        Tensor a = t(2, 3);
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        assertThatThrownBy(() -> be.fromArray(new float[5], Shape.of(2, 3))).isInstanceOf(iae)
                .hasMessageContaining("fromArray").hasMessageContaining("length 5").hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> be.fromArray(new double[7], Shape.of(2, 3))).isInstanceOf(iae).hasMessageContaining("length 7");
        assertThatThrownBy(() -> be.fromArray(DType.FLOAT32, new double[7], Shape.of(2, 3))).isInstanceOf(iae);
        assertThatThrownBy(() -> be.read(a, new float[5])).isInstanceOf(iae).hasMessageContaining("read");
        assertThatThrownBy(() -> be.read(a, new double[7])).isInstanceOf(iae).hasMessageContaining("read");
        assertThatThrownBy(() -> be.write(a, new float[5])).isInstanceOf(iae).hasMessageContaining("write");
        assertThatThrownBy(() -> be.write(a, new double[7])).isInstanceOf(iae).hasMessageContaining("write");
        assertThat(a.toDoubleArray()).containsOnly(1.5);
        assertThatThrownBy(() -> be.fromMatrix(DType.FLOAT32, new double[0][])).isInstanceOf(iae).hasMessageContaining("empty");
        assertThatThrownBy(() -> be.fromMatrix(DType.FLOAT32, new double[][] {{}})).isInstanceOf(iae);
        assertThatThrownBy(() -> be.fromMatrix(DType.FLOAT32, new double[][] {{1, 2}, {3}})).isInstanceOf(iae)
                .hasMessageContaining("row 1 has 1 columns");
        assertThatThrownBy(() -> be.zeros(null, Shape.of(1))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> be.zeros(DType.FLOAT32, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> be.binary(BinaryOp.ADD, a, null, a)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("add");
    }

    @Test
    void creationDrawsAndConvertsAsDocumented() {
        try (Tensor n = be.randomNormal(DType.FLOAT64, Shape.of(4000), 3, 0.5, 1);
             Tensor f = be.fromArray(DType.FLOAT32, new double[] {1 + 1e-10}, Shape.of(1));
             Tensor full = be.full(DType.FLOAT64, Shape.of(2), -4)) {
            assertThat(n.mean()).isCloseTo(3, org.assertj.core.data.Offset.offset(0.05));
            assertThat(n.min()).isGreaterThan(0.5);
            assertThat(f.dtype()).isEqualTo(DType.FLOAT32);
            assertThat(f.item()).isEqualTo(1.0);
            assertThat(full.toDoubleArray()).containsExactly(-4, -4);
            assertThat(be.toString()).isEqualTo(be.name()).isEqualTo("reference");
        }
    }
}
