package io.github.nn4j.backend.pure;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FLOAT32 kernels on the Vector API: each loop runs whole vectors of the preferred species and
 * leaves the last few elements to the scalar code of {@link ScalarFloatKernels}. exp, tanh and sigmoid
 * widen to double vectors, use {@link VectorFunctions} (same bits compiled or interpreted, unlike the
 * Vector API's own transcendental operators) and round once; log stays scalar for the same reason. Sums
 * widen the floats to double vectors and add the lanes in a fixed order, so they are as precise as the
 * scalar path's and deterministic.
 *
 * <p>Loaded only when the module {@code jdk.incubator.vector} is present (see {@link KernelSelection}).
 */
final class VectorFloatKernels extends ScalarFloatKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** The floats that widen to one double vector. */
    private static final VectorSpecies<Float> HALF = VectorSpecies.of(float.class,
            VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int H = HALF.length();

    /** One double vector's lanes, per thread, for adding them in order. */
    private static final ThreadLocal<double[]> LANE_BUFFER = ThreadLocal.withInitial(() -> new double[D.length()]);

    VectorFloatKernels(FloatGemm gemm) {
        super(gemm);
    }

    @Override
    public void binary(BinaryOp op, float[] a, float[] b, float[] out, int n) {
        int bound = S.loopBound(n);
        switch (op) {
            case ADD:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case SUB:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case MUL:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).mul(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            case DIV:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).div(FloatVector.fromArray(S, b, i)).intoArray(out, i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        binaryRange(op, a, b, out, bound, n);
    }

    @Override
    public void scalar(ScalarOp op, float[] a, float s, float[] out, int n) {
        int bound = S.loopBound(n);
        FloatVector vs = FloatVector.broadcast(S, s);
        switch (op) {
            case ADD:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).add(vs).intoArray(out, i);
                }
                break;
            case SUB:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).sub(vs).intoArray(out, i);
                }
                break;
            case REVERSE_SUB:
                for (int i = 0; i < bound; i += L) {
                    vs.sub(FloatVector.fromArray(S, a, i)).intoArray(out, i);
                }
                break;
            case MUL:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).mul(vs).intoArray(out, i);
                }
                break;
            case DIV:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).div(vs).intoArray(out, i);
                }
                break;
            case MAX: // lane-wise max follows Math.max, NaN included
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).max(vs).intoArray(out, i);
                }
                break;
            case MIN:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).min(vs).intoArray(out, i);
                }
                break;
            default:
                throw new AssertionError(op);
        }
        scalarRange(op, a, s, out, bound, n);
    }

    @Override
    public void unary(UnaryOp f, float[] a, float[] out, int n) {
        int bound = S.loopBound(n);
        switch (f) {
            case NEGATE:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).neg().intoArray(out, i);
                }
                break;
            case ABS:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).abs().intoArray(out, i);
                }
                break;
            case SQUARE:
                for (int i = 0; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, a, i);
                    v.mul(v).intoArray(out, i);
                }
                break;
            case SQRT:
                for (int i = 0; i < bound; i += L) {
                    FloatVector.fromArray(S, a, i).sqrt().intoArray(out, i);
                }
                break;
            case EXP:
                VectorFunctions.exp(a, out, n);
                return;
            case LOG: // no exact-arithmetic vector log here: the scalar loop keeps results reproducible
                bound = 0;
                break;
            default:
                throw new AssertionError(f);
        }
        unaryRange(f, a, out, bound, n);
    }

    @Override
    public void activation(Activation f, float[] x, float[] y, int n) {
        int bound = S.loopBound(n);
        FloatVector zero = FloatVector.zero(S);
        switch (f) {
            case IDENTITY:
                bound = 0; // a plain copy
                break;
            case RELU: // x > 0 ? x : 0, so NaN and -0 give +0 as in the reference
                for (int i = 0; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, i);
                    zero.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, i);
                }
                break;
            case SIGMOID: // exactly 0 or 1 far out, never NaN
                VectorFunctions.sigmoid(x, y, n);
                return;
            case TANH:
                VectorFunctions.tanh(x, y, n);
                return;
            default:
                throw new AssertionError(f);
        }
        activationRange(f, x, y, bound, n);
    }

    @Override
    public void activationBackward(Activation f, float[] x, float[] y, float[] dy, float[] dx, int n) {
        int bound = S.loopBound(n);
        FloatVector zero = FloatVector.zero(S);
        FloatVector one = FloatVector.broadcast(S, 1f);
        switch (f) {
            case IDENTITY:
                bound = 0; // a plain copy
                break;
            case RELU:
                for (int i = 0; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, x, i);
                    zero.blend(FloatVector.fromArray(S, dy, i), v.compare(VectorOperators.GT, 0f)).intoArray(dx, i);
                }
                break;
            case SIGMOID:
                for (int i = 0; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, y, i);
                    v.mul(one.sub(v)).mul(FloatVector.fromArray(S, dy, i)).intoArray(dx, i);
                }
                break;
            case TANH:
                for (int i = 0; i < bound; i += L) {
                    FloatVector v = FloatVector.fromArray(S, y, i);
                    one.sub(v.mul(v)).mul(FloatVector.fromArray(S, dy, i)).intoArray(dx, i);
                }
                break;
            default:
                throw new AssertionError(f);
        }
        activationBackwardRange(f, x, y, dy, dx, bound, n);
    }

    @Override
    public void addRowVector(float[] a, float[] row, float[] out, int rows, int cols) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < bound; j += L) {
                FloatVector.fromArray(S, a, base + j).add(FloatVector.fromArray(S, row, j)).intoArray(out, base + j);
            }
            for (int j = bound; j < cols; j++) {
                out[base + j] = a[base + j] + row[j];
            }
        }
    }

    @Override
    public void axpy(float alpha, float[] x, float[] y, int n) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            // multiply, then add: rounds exactly like the scalar tail
            FloatVector.fromArray(S, x, i).mul(alpha).add(FloatVector.fromArray(S, y, i)).intoArray(y, i);
        }
        axpyRange(alpha, x, y, bound, n);
    }

    @Override
    public double reduce(Reduction r, float[] a, int n) {
        switch (r) {
            case SUM:
                return vectorSum(a, 0, n, LANE_BUFFER.get());
            case SUM_OF_SQUARES:
                return sumOfSquares(a, n, LANE_BUFFER.get());
            case MAX: {
                int bound = S.loopBound(n);
                float m = a[0];
                if (bound > 0) {
                    FloatVector acc = FloatVector.fromArray(S, a, 0);
                    for (int i = L; i < bound; i += L) {
                        acc = acc.max(FloatVector.fromArray(S, a, i));
                    }
                    m = acc.reduceLanes(VectorOperators.MAX); // max is order-independent, NaN-propagating
                }
                for (int i = bound; i < n; i++) {
                    m = Math.max(m, a[i]);
                }
                return m;
            }
            case MIN: {
                int bound = S.loopBound(n);
                float m = a[0];
                if (bound > 0) {
                    FloatVector acc = FloatVector.fromArray(S, a, 0);
                    for (int i = L; i < bound; i += L) {
                        acc = acc.min(FloatVector.fromArray(S, a, i));
                    }
                    m = acc.reduceLanes(VectorOperators.MIN);
                }
                for (int i = bound; i < n; i++) {
                    m = Math.min(m, a[i]);
                }
                return m;
            }
            default:
                throw new AssertionError(r);
        }
    }

    /** The sum of {@code a[from .. from+n-1]} in double precision, in a fixed order. */
    private static double vectorSum(float[] a, int from, int n, double[] lanes) {
        int end = from + n;
        int bound = from + 2 * H * (n / (2 * H));
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = DoubleVector.zero(D);
        int i = from;
        for (; i < bound; i += 2 * H) {
            acc0 = acc0.add(widen(a, i));
            acc1 = acc1.add(widen(a, i + H));
        }
        // Lanes added first to last (reduceLanes leaves the order unspecified). They go through a buffer
        // here, in the method that holds the vector: handing a vector to a method that is not inlined, or
        // reading a lane at a variable index, would box it.
        acc0.add(acc1).intoArray(lanes, 0);
        double s = sumInOrder(lanes);
        for (; i < end; i++) {
            s += a[i];
        }
        return s;
    }

    private static double sumOfSquares(float[] a, int n, double[] lanes) {
        int bound = 2 * H * (n / (2 * H));
        DoubleVector acc0 = DoubleVector.zero(D);
        DoubleVector acc1 = DoubleVector.zero(D);
        int i = 0;
        for (; i < bound; i += 2 * H) {
            DoubleVector v0 = widen(a, i);
            DoubleVector v1 = widen(a, i + H);
            acc0 = v0.fma(v0, acc0);
            acc1 = v1.fma(v1, acc1);
        }
        // Lanes added first to last (reduceLanes leaves the order unspecified). They go through a buffer
        // here, in the method that holds the vector: handing a vector to a method that is not inlined, or
        // reading a lane at a variable index, would box it.
        acc0.add(acc1).intoArray(lanes, 0);
        double s = sumInOrder(lanes);
        for (; i < n; i++) {
            double v = a[i];
            s += v * v;
        }
        return s;
    }

    /** A double vector rounded to floats. */
    private static FloatVector narrow(DoubleVector v) {
        return (FloatVector) v.convertShape(VectorOperators.D2F, HALF, 0);
    }

    /** Floats {@code a[i .. i+H-1]} as a double vector. */
    private static DoubleVector widen(float[] a, int i) {
        return (DoubleVector) FloatVector.fromArray(HALF, a, i).convertShape(VectorOperators.F2D, D, 0);
    }

    /** {@code x[0] + x[1] + ...}, in that order. */
    private static double sumInOrder(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    @Override
    public void sumColumns(float[] a, int rows, int cols, float[] out) {
        // Two double vectors of columns per pass over the rows; the remaining columns column by column.
        int bound = 2 * H * (cols / (2 * H));
        for (int j = 0; j < bound; j += 2 * H) {
            DoubleVector acc0 = DoubleVector.zero(D);
            DoubleVector acc1 = DoubleVector.zero(D);
            for (int r = 0; r < rows; r++) {
                int o = r * cols + j;
                acc0 = acc0.add(widen(a, o));
                acc1 = acc1.add(widen(a, o + H));
            }
            narrow(acc0).intoArray(out, j);
            narrow(acc1).intoArray(out, j + H);
        }
        for (int j = bound; j < cols; j++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += a[r * cols + j];
            }
            out[j] = (float) s;
        }
    }

    @Override
    public void sumRows(float[] a, int rows, int cols, float[] out) {
        double[] lanes = LANE_BUFFER.get();
        for (int r = 0; r < rows; r++) {
            out[r] = (float) vectorSum(a, r * cols, cols, lanes);
        }
    }
}
