package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.UnaryOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarDivision;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarSubtraction;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndReplace;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Cosh;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sinh;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Kernels as ND4J operations on whole {@link INDArray}s: they run wherever ND4J runs (CPU through nd4j-native,
 * GPU through nd4j-cuda), multi-threaded and vectorised, and write into the caller's output array (in place
 * where the output is an input); nothing is copied to the Java heap. Every array is a c-order array that owns
 * its whole buffer. Nothing here assumes a CPU.
 */
final class NativeKernels {
    /** Below this |x|, tanh is computed as sinh(x) / cosh(x) (see {@link #tanh}). */
    private static final double TANH_SMALL_ARGUMENT = 0.5;
    /** Slightly below tanh(0.5) = 0.4621: outputs of smaller magnitude come from arguments below 0.5. */
    private static final double TANH_OF_SMALL_ARGUMENT = 0.46;

    private NativeKernels() {
    }

    static void gemm(double alpha, INDArray a, boolean transA, INDArray b, boolean transB, double beta, INDArray c) {
        Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
    }

    static void transpose(INDArray a, INDArray out) {
        out.assign(a.transpose());
    }

    static void binary(BinaryOp op, INDArray a, INDArray b, INDArray out) {
        switch (op) {
            case ADD: a.addi(b, out); break;
            case SUB: a.subi(b, out); break;
            case MUL: a.muli(b, out); break;
            case DIV: a.divi(b, out); break;
            default: throw new AssertionError(op);
        }
    }

    static void scalar(ScalarOp op, INDArray a, double s, INDArray out) {
        switch (op) {
            case ADD: Nd4j.exec(new ScalarAdd(a, null, out, s)); break;
            case SUB: Nd4j.exec(new ScalarSubtraction(a, null, out, s)); break;
            case REVERSE_SUB: Nd4j.exec(new ScalarReverseSubtraction(a, null, out, s)); break;
            case MUL: Nd4j.exec(new ScalarMultiplication(a, null, out, s)); break;
            case DIV: Nd4j.exec(new ScalarDivision(a, null, out, s)); break;
            case MAX: Nd4j.exec(new ScalarMax(a, null, out, s)); break;
            case MIN: Nd4j.exec(new ScalarMin(a, null, out, s)); break;
            default: throw new AssertionError(op);
        }
    }

    static void unary(UnaryOp f, INDArray a, INDArray out) {
        switch (f) {
            case NEGATE: Nd4j.exec(new Negative(a, out)); break;
            case ABS: Nd4j.exec(new Abs(a, out)); break;
            case SQUARE: Nd4j.exec(new Square(a, out)); break;
            case SQRT: Nd4j.exec(new Sqrt(a, out)); break;
            case EXP: Nd4j.exec(new Exp(a, out)); break;
            case LOG: Nd4j.exec(new Log(a, out)); break;
            default: throw new AssertionError(f);
        }
    }

    static void activation(Activation f, INDArray x, INDArray y) {
        switch (f) {
            case IDENTITY:
                if (x != y) {
                    y.assign(x);
                }
                break;
            case RELU: Nd4j.exec(new RectifiedLinear(x, y, 0.0)); break;
            case SIGMOID: Nd4j.exec(new Sigmoid(x, y)); break;
            case TANH: tanh(x, y); break;
            default: throw new AssertionError(f);
        }
    }

    /**
     * {@code y = tanh(x)}, {@code y} may be {@code x}. ND4J's tanh is accurate for |x| >= 0.5 (within 2.5 float and 3
     * double ulps, measured) but cancels below: it returns 0 for |x| < 1e-8 and is 18 ulps off at 0.013. There
     * {@code sinh(x) / cosh(x)} is taken instead (within 2.4 float and 4 double ulps; both accurate in ND4J), chosen
     * by the magnitude of ND4J's result, which keeps NaN, ±0 and ±infinity.
     */
    private static void tanh(INDArray x, INDArray y) {
        try (INDArray small = x.ulike(); INDArray cosh = x.ulike()) {
            Nd4j.exec(new ScalarMin(x, null, small, TANH_SMALL_ARGUMENT)); // clamped: sinh and cosh cannot overflow
            Nd4j.exec(new ScalarMax(small, null, small, -TANH_SMALL_ARGUMENT));
            Nd4j.exec(new Cosh(small, cosh));
            Nd4j.exec(new Sinh(small, small));
            small.divi(cosh);
            Nd4j.exec(new Tanh(x, y));
            Nd4j.exec(new CompareAndReplace(y, small, y, Conditions.absLessThan(TANH_OF_SMALL_ARGUMENT)));
        }
    }

    /** {@code dx = f'(x) * dy}; ND4J's backprop ops compute the derivative from {@code x}. */
    static void activationBackward(Activation f, INDArray x, INDArray dy, INDArray dx) {
        switch (f) {
            case IDENTITY:
                if (dy != dx) {
                    dx.assign(dy);
                }
                break;
            case RELU:
                Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(x, dy).addOutputs(dx)
                        .addFloatingPointArguments(0.0).build());
                break;
            case SIGMOID: Nd4j.exec(new SigmoidDerivative(x, dy, dx)); break;
            case TANH: Nd4j.exec(new TanhDerivative(x, dy, dx)); break;
            default: throw new AssertionError(f);
        }
    }

    static void addRowVector(INDArray a, INDArray row, INDArray out) {
        Nd4j.exec(new BroadcastAddOp(a, row, out, 1));
    }

    static void axpy(double alpha, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(x.length(), alpha, x, y);
    }

    /**
     * Reductions on the device, for arrays the CPU cannot address. Sums of FLOAT32 arrays are taken over a FLOAT64
     * copy (ND4J accumulates in the array's type, which for 200,000 floats misses the suite's 1e-5 tolerance);
     * ND4J's max/min skip NaN, so NaN is checked separately.
     */
    static double reduce(Reduction r, INDArray a) {
        switch (r) {
            case SUM:
            case SUM_OF_SQUARES:
                if (a.dataType() != DataType.DOUBLE) {
                    try (INDArray wide = a.castTo(DataType.DOUBLE)) {
                        return reduce(r, wide);
                    }
                }
                return r == Reduction.SUM ? a.sumNumber().doubleValue() : Nd4j.exec(new SquaredNorm(a)).getDouble(0);
            case MAX: return containsNaN(a) ? Double.NaN : a.maxNumber().doubleValue();
            case MIN: return containsNaN(a) ? Double.NaN : a.minNumber().doubleValue();
            default: throw new AssertionError(r);
        }
    }

    private static boolean containsNaN(INDArray a) {
        return Double.isNaN(a.sumNumber().doubleValue()) && a.isNaN().any();
    }

    static void sumAlong(int axis, INDArray a, INDArray out) {
        a.sum(out, axis);
    }

    /** Rows of any rank: the array seen as {@code [dim0, rest]} (a view sharing its memory). */
    static INDArray asRows(INDArray array) {
        long rows = array.size(0);
        return array.reshape('c', rows, array.length() / rows);
    }

    static void gatherRows(INDArray src, int[] indices, int offset, int count, INDArray dst) {
        int[] picked = java.util.Arrays.copyOfRange(indices, offset, offset + count);
        Nd4j.pullRows(asRows(src), asRows(dst), 1, picked);
    }

    static void copyRows(INDArray src, int srcRow, INDArray dst, int dstRow, int count) {
        asRows(dst).get(NDArrayIndex.interval(dstRow, dstRow + count), NDArrayIndex.all())
                .assign(asRows(src).get(NDArrayIndex.interval(srcRow, srcRow + count), NDArrayIndex.all()));
    }
}
