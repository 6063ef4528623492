package io.github.nn4j.backend.pure.simd;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.backend.pure.threads.TileExecutor;

/**
 * Runs the element-wise kernels of a large array on all of the backend's threads: the {@link VectorFunctions}
 * (exp, sigmoid, tanh), and the kernels of a training step around its matrix products (the activation's backward
 * pass, the bias added to every row and its gradient summed over them, element-wise arithmetic, the optimizer's
 * {@code y += alpha x}). Between two
 * products the GEMM's worker threads would otherwise wait while the calling thread does these alone.
 *
 * <p>The array (for the bias, the matrix's rows; for the column sums, its columns) is cut into one contiguous part
 * per thread; every element is computed by the same code whichever part it falls into and whichever thread runs
 * it, so results are bit-identical to the single-threaded call for any thread count. Small arrays run on the calling
 * thread, where waking the workers would cost more than it saves: below {@link #FUNCTION_MIN_LENGTH} elements for
 * the functions (about 0.7 ns per float on one core), below {@link #ARITHMETIC_MIN_LENGTH} for the rest (about 0.1 ns
 * per float), the latter straight to the kernel (a small network's arrays are many and tiny); so does everything
 * when the workers are busy with another caller's operation. Thread-safe: each calling thread describes its
 * operation in an object of its own, reused from call to call, so nothing is allocated per call.
 */
public final class ParallelKernels {
    /** Which function. */
    public enum Function {
        EXP, SIGMOID, TANH
    }

    /** The kernels, by what {@link Operation#runTile} runs. */
    private enum Kind {
        FUNCTION, ACTIVATION_BACKWARD, BINARY, ADD_ROW_VECTOR, AXPY, SUM_COLUMNS
    }

    /** Arrays shorter than this run exp, sigmoid and tanh on the calling thread. */
    static final int FUNCTION_MIN_LENGTH = 1 << 14;
    /** Arrays shorter than this run the other kernels on the calling thread. */
    static final int ARITHMETIC_MIN_LENGTH = 1 << 16;
    /** Part boundaries fall on multiples of this many elements (whole cache lines, whole vectors). */
    private static final int ALIGNMENT = 64;

    private final TileExecutor executor;
    private final ThreadLocal<Operation> operations = ThreadLocal.withInitial(Operation::new);

    /** Kernels that share the threads of {@code executor}. */
    public ParallelKernels(TileExecutor executor) {
        this.executor = executor;
    }

    /** {@code out[i] = f(x[i])} for {@code i < n}; {@code out} may be {@code x}. */
    public void apply(Function f, float[] x, float[] out, int n) {
        Operation op = start(Kind.FUNCTION);
        op.function = f;
        op.floats[0] = x;
        op.floats[3] = out;
        run(op, n, n >= FUNCTION_MIN_LENGTH);
    }

    /** {@code out[i] = f(x[i])} for {@code i < n}; {@code out} may be {@code x}. */
    public void apply(Function f, double[] x, double[] out, int n) {
        Operation op = start(Kind.FUNCTION);
        op.function = f;
        op.doubles[0] = x;
        op.doubles[3] = out;
        run(op, n, n >= FUNCTION_MIN_LENGTH);
    }

    /** {@code dx[i] = f'(x[i]) dy[i]} for {@code i < n} ({@link VectorFloatKernels#activationBackward}). */
    public void activationBackward(Activation f, float[] x, float[] y, float[] dy, float[] dx, int n) {
        if (n < ARITHMETIC_MIN_LENGTH) {
            VectorFloatKernels.activationBackward(f, x, y, dy, dx, 0, n);
            return;
        }
        Operation op = start(Kind.ACTIVATION_BACKWARD);
        op.activation = f;
        op.floats[0] = x;
        op.floats[1] = y;
        op.floats[2] = dy;
        op.floats[3] = dx;
        run(op, n, true);
    }

    /** {@code dx[i] = f'(x[i]) dy[i]} for {@code i < n} ({@link VectorDoubleKernels#activationBackward}). */
    public void activationBackward(Activation f, double[] x, double[] y, double[] dy, double[] dx, int n) {
        if (n < ARITHMETIC_MIN_LENGTH) {
            VectorDoubleKernels.activationBackward(f, x, y, dy, dx, 0, n);
            return;
        }
        Operation op = start(Kind.ACTIVATION_BACKWARD);
        op.activation = f;
        op.doubles[0] = x;
        op.doubles[1] = y;
        op.doubles[2] = dy;
        op.doubles[3] = dx;
        run(op, n, true);
    }

    /** {@code out[i] = a[i] op b[i]} for {@code i < n}; {@code out} may be {@code a} or {@code b}. */
    public void binary(BinaryOp binaryOp, float[] a, float[] b, float[] out, int n) {
        if (n < ARITHMETIC_MIN_LENGTH) {
            VectorFloatKernels.binary(binaryOp, a, b, out, 0, n);
            return;
        }
        Operation op = start(Kind.BINARY);
        op.binaryOp = binaryOp;
        op.floats[0] = a;
        op.floats[1] = b;
        op.floats[3] = out;
        run(op, n, true);
    }

    /** {@code out[i] = a[i] op b[i]} for {@code i < n}; {@code out} may be {@code a} or {@code b}. */
    public void binary(BinaryOp binaryOp, double[] a, double[] b, double[] out, int n) {
        if (n < ARITHMETIC_MIN_LENGTH) {
            VectorDoubleKernels.binary(binaryOp, a, b, out, 0, n);
            return;
        }
        Operation op = start(Kind.BINARY);
        op.binaryOp = binaryOp;
        op.doubles[0] = a;
        op.doubles[1] = b;
        op.doubles[3] = out;
        run(op, n, true);
    }

    /** {@code out[i, j] = a[i, j] + row[j]} for an {@code [rows, cols]} matrix; parts are whole rows. */
    public void addRowVector(float[] a, float[] row, float[] out, int rows, int cols) {
        if ((long) rows * cols < ARITHMETIC_MIN_LENGTH) {
            VectorFloatKernels.addRowVector(a, row, out, 0, rows, cols);
            return;
        }
        Operation op = start(Kind.ADD_ROW_VECTOR);
        op.floats[0] = a;
        op.floats[1] = row;
        op.floats[3] = out;
        op.cols = cols;
        run(op, rows, true);
    }

    /** {@code out[i, j] = a[i, j] + row[j]} for an {@code [rows, cols]} matrix; parts are whole rows. */
    public void addRowVector(double[] a, double[] row, double[] out, int rows, int cols) {
        if ((long) rows * cols < ARITHMETIC_MIN_LENGTH) {
            VectorDoubleKernels.addRowVector(a, row, out, 0, rows, cols);
            return;
        }
        Operation op = start(Kind.ADD_ROW_VECTOR);
        op.doubles[0] = a;
        op.doubles[1] = row;
        op.doubles[3] = out;
        op.cols = cols;
        run(op, rows, true);
    }

    /** {@code y[i] += alpha x[i]} for {@code i < n}. */
    public void axpy(float alpha, float[] x, float[] y, int n) {
        if (n < ARITHMETIC_MIN_LENGTH) {
            VectorFloatKernels.axpy(alpha, x, y, 0, n);
            return;
        }
        Operation op = start(Kind.AXPY);
        op.alpha = alpha;
        op.floats[0] = x;
        op.floats[3] = y;
        run(op, n, true);
    }

    /** {@code y[i] += alpha x[i]} for {@code i < n}. */
    public void axpy(double alpha, double[] x, double[] y, int n) {
        if (n < ARITHMETIC_MIN_LENGTH) {
            VectorDoubleKernels.axpy(alpha, x, y, 0, n);
            return;
        }
        Operation op = start(Kind.AXPY);
        op.alpha = alpha;
        op.doubles[0] = x;
        op.doubles[3] = y;
        run(op, n, true);
    }

    /** {@code out[j] = sum_i a[i, j]} ({@link VectorFloatSums#sumColumns}); parts are ranges of columns. */
    public void sumColumns(float[] a, int rows, int cols, float[] out) {
        if ((long) rows * cols < ARITHMETIC_MIN_LENGTH) {
            VectorFloatSums.sumColumns(a, rows, cols, out, 0, cols);
            return;
        }
        Operation op = start(Kind.SUM_COLUMNS);
        op.floats[0] = a;
        op.floats[3] = out;
        op.rows = rows;
        op.cols = cols;
        run(op, cols, true);
    }

    /** {@code out[j] = sum_i a[i, j]} ({@link VectorDoubleSums#sumColumns}); parts are ranges of columns. */
    public void sumColumns(double[] a, int rows, int cols, double[] out) {
        if ((long) rows * cols < ARITHMETIC_MIN_LENGTH) {
            VectorDoubleSums.sumColumns(a, rows, cols, out, 0, cols);
            return;
        }
        Operation op = start(Kind.SUM_COLUMNS);
        op.doubles[0] = a;
        op.doubles[3] = out;
        op.rows = rows;
        op.cols = cols;
        run(op, cols, true);
    }

    private Operation start(Kind kind) {
        Operation op = operations.get();
        op.kind = kind;
        return op;
    }

    /** Runs {@code op} over {@code length} units (elements, rows or columns), on all threads if {@code large}. */
    private void run(Operation op, int length, boolean large) {
        int parts = large ? executor.threads() : 1;
        op.length = length;
        op.parts = parts;
        op.alignment = op.kind == Kind.ADD_ROW_VECTOR ? 1 : ALIGNMENT;
        try {
            if (parts == 1 || !executor.tryRun(op, parts)) {
                for (int p = 0; p < parts; p++) {
                    op.runTile(p);
                }
            }
        } finally {
            java.util.Arrays.fill(op.floats, null); // do not keep the caller's arrays reachable
            java.util.Arrays.fill(op.doubles, null);
        }
    }

    /**
     * One calling thread's operation; its parts run on the executor's threads. Its arrays are the kernel's inputs
     * in order ({@code [0]}, {@code [1]}, {@code [2]}) and its output ({@code [3]}), in the dtype it runs on.
     */
    private static final class Operation implements TileExecutor.TileTask {
        final float[][] floats = new float[4][];
        final double[][] doubles = new double[4][];
        Kind kind;
        Function function;
        Activation activation;
        BinaryOp binaryOp;
        double alpha;
        int rows;
        int cols;
        int length;
        int parts;
        int alignment;

        @Override
        public void runTile(int part) {
            int from = boundary(part);
            int to = boundary(part + 1);
            if (floats[3] != null) {
                runFloats(from, to);
            } else {
                runDoubles(from, to);
            }
        }

        private void runFloats(int from, int to) {
            float[] in0 = floats[0];
            float[] out = floats[3];
            switch (kind) {
                case FUNCTION -> {
                    switch (function) {
                        case EXP -> VectorFunctions.exp(in0, out, from, to);
                        case SIGMOID -> VectorFunctions.sigmoid(in0, out, from, to);
                        case TANH -> VectorFunctions.tanh(in0, out, from, to);
                        default -> throw new AssertionError(function);
                    }
                }
                case ACTIVATION_BACKWARD ->
                        VectorFloatKernels.activationBackward(activation, in0, floats[1], floats[2], out, from, to);
                case BINARY -> VectorFloatKernels.binary(binaryOp, in0, floats[1], out, from, to);
                case ADD_ROW_VECTOR -> VectorFloatKernels.addRowVector(in0, floats[1], out, from, to, cols);
                case AXPY -> VectorFloatKernels.axpy((float) alpha, in0, out, from, to);
                case SUM_COLUMNS -> VectorFloatSums.sumColumns(in0, rows, cols, out, from, to);
                default -> throw new AssertionError(kind);
            }
        }

        private void runDoubles(int from, int to) {
            double[] in0 = doubles[0];
            double[] out = doubles[3];
            switch (kind) {
                case FUNCTION -> {
                    switch (function) {
                        case EXP -> VectorFunctions.exp(in0, out, from, to);
                        case SIGMOID -> VectorFunctions.sigmoid(in0, out, from, to);
                        case TANH -> VectorFunctions.tanh(in0, out, from, to);
                        default -> throw new AssertionError(function);
                    }
                }
                case ACTIVATION_BACKWARD ->
                        VectorDoubleKernels.activationBackward(activation, in0, doubles[1], doubles[2], out, from, to);
                case BINARY -> VectorDoubleKernels.binary(binaryOp, in0, doubles[1], out, from, to);
                case ADD_ROW_VECTOR -> VectorDoubleKernels.addRowVector(in0, doubles[1], out, from, to, cols);
                case AXPY -> VectorDoubleKernels.axpy(alpha, in0, out, from, to);
                case SUM_COLUMNS -> VectorDoubleSums.sumColumns(in0, rows, cols, out, from, to);
                default -> throw new AssertionError(kind);
            }
        }

        /** Start of part {@code p} (the length for {@code p == parts}), rounded down to the alignment. */
        private int boundary(int p) {
            if (p >= parts) {
                return length;
            }
            long even = (long) length * p / parts;
            return (int) (even / alignment * alignment);
        }
    }
}
