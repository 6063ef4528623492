package io.github.nn4j.api.backend;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.api.tensor.UnaryOp;
import java.util.SplittableRandom;

/**
 * A compute backend: it creates {@link Tensor}s and runs every operation on them.
 *
 * <h2>For users</h2>
 * Obtain one from {@link Backends#get()} (or by name). The public methods are the complete set of
 * operations, each writing into an output tensor the caller owns, so that training loops can reuse
 * buffers and allocate nothing per step. Every public method validates its arguments (open tensors of
 * this backend, one dtype, fitting shapes, no forbidden aliasing) and throws
 * {@link IllegalArgumentException} naming the operation and the shapes, or {@link IllegalStateException}
 * for a closed tensor, before any element is written.
 *
 * <p>Aliasing: element-wise operations ({@link #binary}, {@link #scalar}, {@link #unary},
 * {@link #activation}, {@link #activationBackward}, {@link #leakyRelu}, {@link #leakyReluBackward},
 * {@link #addRowVector}, {@link #axpy}, and the row-wise {@link #softmax}, {@link #softmaxBackward}) accept an output
 * that is one of their inputs; the cross-entropies reject a gradient that is also an input. {@link #gemm}, {@link #transpose}, {@link #gatherRows} and
 * {@link #copyRows} reject an output that is also an input.
 *
 * <h2>For implementors</h2>
 * Extend this class (or {@link HeapArrayBackend} for tensors held in Java arrays) and implement the seven storage
 * kernels ({@code zerosKernel}, {@code fromArrayKernel}, {@code readKernel}, {@code writeKernel}). Every compute
 * kernel ({@code gemmKernel}, {@code activationKernel}, ...) has a plain-Java default on the arrays the element
 * hooks ({@link #floatsToRead}, {@link #floatsToWrite}, {@link #written(Tensor, float[])}) lend it; override the
 * kernels your backend does better. Kernels are called only with validated arguments (tensors created by this
 * backend, open, one dtype, fitting shapes), so they need not check again. A kernel must produce the results the
 * conformance suite in the {@code nn-api} test-jar expects for both {@link DType}s. Random tensors are generated
 * here in Java from the seed, so the same seed gives the same initial weights on every backend. The package
 * documentation lists what adding an operation takes.
 *
 * <h2>Thread-safety</h2>
 * A backend is shared by the whole JVM and must be thread-safe: concurrent operations on distinct
 * output tensors are allowed. A backend may use several threads inside one operation.
 */
public abstract class Backend {
    // Operation names for error messages, computed once so that validation allocates nothing.
    private static final String[] BINARY_NAMES = names(BinaryOp.values(), "", "");
    private static final String[] SCALAR_NAMES = names(ScalarOp.values(), "scalar ", "");
    private static final String[] UNARY_NAMES = names(UnaryOp.values(), "", "");
    private static final String[] ACTIVATION_NAMES = names(Activation.values(), "", "");
    private static final String[] ACTIVATION_BACKWARD_NAMES = names(Activation.values(), "", " backward");
    private static final String[] REDUCTION_NAMES = names(Reduction.values(), "", "");

    private static String[] names(Enum<?>[] values, String prefix, String suffix) {
        String[] out = new String[values.length];
        for (Enum<?> v : values) {
            out[v.ordinal()] = prefix + v.name().toLowerCase(java.util.Locale.ROOT) + suffix;
        }
        return out;
    }

    /** {@return the short lower-case name used for selection, e.g. {@code "pure"}, {@code "jblas"}, {@code "nd4j"}} */
    public abstract String name();

    /** {@return a one-line human description: library, version, threads, instruction set} */
    public abstract String description();

    @Override
    public String toString() {
        return name();
    }

    // =================================================================================== creation

    /**
     * {@return a new tensor of zeros}
     *
     * @param dtype the element type
     * @param shape the shape
     */
    public final Tensor zeros(DType dtype, Shape shape) {
        return zerosKernel(requireNonNull(dtype, "dtype"), requireNonNull(shape, "shape"));
    }

    /**
     * {@return a new FLOAT32 tensor of zeros}
     *
     * @param shape the shape
     */
    public final Tensor zeros(Shape shape) {
        return zeros(DType.FLOAT32, shape);
    }

    /**
     * {@return a new tensor with every element {@code value}}
     *
     * @param dtype the element type
     * @param shape the shape
     * @param value the value of every element
     */
    public final Tensor full(DType dtype, Shape shape, double value) {
        Tensor t = zeros(dtype, shape);
        fillKernel(t, value);
        return t;
    }

    /**
     * {@return a new FLOAT32 tensor holding a copy of {@code data} (row-major; length must equal the shape's size)}
     *
     * @param data the values, row-major; copied
     * @param shape the shape
     */
    public final Tensor fromArray(float[] data, Shape shape) {
        requireLength("fromArray", data.length, shape);
        return fromArrayKernel(data, shape);
    }

    /**
     * {@return a new FLOAT64 tensor holding a copy of {@code data} (row-major; length must equal the shape's size)}
     *
     * @param data the values, row-major; copied
     * @param shape the shape
     */
    public final Tensor fromArray(double[] data, Shape shape) {
        requireLength("fromArray", data.length, shape);
        return fromArrayKernel(data, shape);
    }

    /**
     * {@return a new tensor of the given dtype holding {@code data} (converted if needed)}
     *
     * @param dtype the element type
     * @param data the values, row-major; copied
     * @param shape the shape
     */
    public final Tensor fromArray(DType dtype, double[] data, Shape shape) {
        requireLength("fromArray", data.length, shape);
        if (dtype == DType.FLOAT64) {
            return fromArrayKernel(data, shape);
        }
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return fromArrayKernel(f, shape);
    }

    /**
     * {@return a new rank-2 tensor from a rectangular Java matrix {@code rows[i][j]}}
     *
     * @param dtype the element type
     * @param rows the rows, all of one length; copied
     */
    public final Tensor fromMatrix(DType dtype, double[][] rows) {
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("fromMatrix: the matrix is empty");
        }
        int c = rows[0].length;
        double[] flat = new double[rows.length * c];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("fromMatrix: row " + i + " has " + rows[i].length
                        + " columns, row 0 has " + c);
            }
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return fromArray(dtype, flat, Shape.matrix(rows.length, c));
    }

    /**
     * {@return a new tensor with elements drawn uniformly from {@code [low, high)} by a generator seeded with
     * {@code seed}}
     *
     * @param dtype the element type
     * @param shape the shape
     * @param low the lower bound (inclusive)
     * @param high the upper bound (exclusive)
     * @param seed the seed: the same seed gives the same values on every backend
     */
    public final Tensor randomUniform(DType dtype, Shape shape, double low, double high, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] data = new double[shape.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = low + (high - low) * random.nextDouble();
        }
        return fromArray(dtype, data, shape);
    }

    /**
     * {@return a new tensor with elements drawn from N(mean, std²) by a generator seeded with {@code seed}}
     *
     * @param dtype the element type
     * @param shape the shape
     * @param mean the mean
     * @param std the standard deviation
     * @param seed the seed: the same seed gives the same values on every backend
     */
    public final Tensor randomNormal(DType dtype, Shape shape, double mean, double std, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] data = new double[shape.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = mean + std * random.nextGaussian();
        }
        return fromArray(dtype, data, shape);
    }

    // =================================================================================== transfer

    /**
     * Copies all elements of {@code t} into {@code dst} in row-major order (rounding FLOAT64 to float).
     *
     * @param t the tensor to read
     * @param dst the array to fill, of exactly {@code t.size()} elements
     */
    public final void read(Tensor t, float[] dst) {
        requireUsable("read", t);
        requireLength("read", dst.length, t.shape());
        readKernel(t, dst);
    }

    /**
     * Copies all elements of {@code t} into {@code dst} in row-major order.
     *
     * @param t the tensor to read
     * @param dst the array to fill, of exactly {@code t.size()} elements
     */
    public final void read(Tensor t, double[] dst) {
        requireUsable("read", t);
        requireLength("read", dst.length, t.shape());
        readKernel(t, dst);
    }

    /**
     * Overwrites all elements of {@code t} from {@code src} in row-major order.
     *
     * @param t the tensor to overwrite
     * @param src the values, of exactly {@code t.size()} elements
     */
    public final void write(Tensor t, float[] src) {
        requireUsable("write", t);
        requireLength("write", src.length, t.shape());
        writeKernel(t, src);
    }

    /**
     * Overwrites all elements of {@code t} from {@code src} in row-major order (rounding for FLOAT32).
     *
     * @param t the tensor to overwrite
     * @param src the values, of exactly {@code t.size()} elements
     */
    public final void write(Tensor t, double[] src) {
        requireUsable("write", t);
        requireLength("write", src.length, t.shape());
        writeKernel(t, src);
    }

    /**
     * {@code dst = src} (same shape and dtype).
     *
     * @param src the tensor to copy
     * @param dst the tensor to overwrite, of the same shape and dtype
     */
    public final void copy(Tensor src, Tensor dst) {
        requireCompatible("copy", src, dst);
        requireSameShape("copy", src, dst);
        if (src != dst) {
            copyKernel(src, dst);
        }
    }

    /**
     * Sets every element of {@code t} to {@code value}.
     *
     * @param t the tensor to overwrite
     * @param value the value of every element
     */
    public final void fill(Tensor t, double value) {
        requireUsable("fill", t);
        fillKernel(t, value);
    }

    // =================================================================================== linear algebra

    /**
     * General matrix product {@code c = alpha * op(a) · op(b) + beta * c}, where {@code op(x)} is
     * {@code x} or its transpose. {@code op(a)} is {@code [m, k]}, {@code op(b)} is {@code [k, n]}, {@code c}
     * is {@code [m, n]}; {@code c} must not be {@code a} or {@code b}. With {@code beta == 0} the previous
     * contents of {@code c} are ignored (even NaN).
     *
     * @param alpha the factor of the product
     * @param a the left matrix
     * @param transA whether {@code op(a)} is the transpose of {@code a}
     * @param b the right matrix
     * @param transB whether {@code op(b)} is the transpose of {@code b}
     * @param beta the factor of the previous {@code c}
     * @param c the output {@code [m, n]}, also read when {@code beta != 0}
     */
    public final void gemm(double alpha, Tensor a, boolean transA, Tensor b, boolean transB, double beta, Tensor c) {
        requireCompatible("gemm", a, b, c);
        if (!fitsProduct(a, transA, b, transB, c.shape())) {
            Shape expected = productShape("gemm", a, transA, b, transB);
            throw new IllegalArgumentException("gemm: output shape " + c.shape() + " does not fit op(a) "
                    + describe(a, transA) + " · op(b) " + describe(b, transB) + " = " + expected);
        }
        requireDistinct("gemm", c, a, b);
        gemmKernel(alpha, a, transA, b, transB, beta, c);
    }

    /**
     * {@code out = transpose(a)} for a rank-2 {@code a} of shape {@code [r, c]} and {@code out} of {@code [c, r]}.
     *
     * @param a the matrix {@code [r, c]}
     * @param out the output {@code [c, r]}, written in place
     */
    public final void transpose(Tensor a, Tensor out) {
        requireCompatible("transpose", a, out);
        requireMatrix("transpose", a);
        Shape expected = Shape.matrix(a.shape().cols(), a.shape().rows());
        if (!expected.equals(out.shape())) {
            throw new IllegalArgumentException("transpose: input " + a.shape() + " needs output " + expected
                    + ", got " + out.shape());
        }
        requireDistinct("transpose", out, a);
        transposeKernel(a, out);
    }

    // =================================================================================== element-wise

    /**
     * {@code out = a op b} element-wise; all three of one shape.
     *
     * @param op the operation
     * @param a the left operand
     * @param b the right operand
     * @param out the output, written in place
     */
    public final void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        String name = BINARY_NAMES[op.ordinal()];
        requireCompatible(name, a, b, out);
        requireSameShape(name, a, b);
        requireSameShape(name, a, out);
        binaryKernel(op, a, b, out);
    }

    /**
     * {@code out = a op s} element-wise.
     *
     * @param op the operation
     * @param a the tensor operand
     * @param s the scalar operand
     * @param out the output, written in place
     */
    public final void scalar(ScalarOp op, Tensor a, double s, Tensor out) {
        String name = SCALAR_NAMES[op.ordinal()];
        requireCompatible(name, a, out);
        requireSameShape(name, a, out);
        scalarKernel(op, a, s, out);
    }

    /**
     * {@code out = f(a)} element-wise.
     *
     * @param f the function
     * @param a the input
     * @param out the output, written in place
     */
    public final void unary(UnaryOp f, Tensor a, Tensor out) {
        String name = UNARY_NAMES[f.ordinal()];
        requireCompatible(name, a, out);
        requireSameShape(name, a, out);
        unaryKernel(f, a, out);
    }

    /**
     * {@code y = f(x)} element-wise.
     *
     * @param f the activation
     * @param x the input
     * @param y the output, of the same shape; may be {@code x}
     */
    public final void activation(Activation f, Tensor x, Tensor y) {
        String name = ACTIVATION_NAMES[f.ordinal()];
        requireCompatible(name, x, y);
        requireSameShape(name, x, y);
        activationKernel(f, x, y);
    }

    /**
     * {@code dx = f'(x) * dy} element-wise, where {@code y = f(x)} is the forward output (backends use
     * whichever of {@code x} and {@code y} is cheaper). All four have one shape; {@code dx} may be
     * {@code dy}.
     *
     * @param f the activation
     * @param x the forward input
     * @param y the forward output {@code f(x)}
     * @param dy the gradient with respect to {@code y}
     * @param dx the gradient with respect to {@code x}, written in place
     */
    public final void activationBackward(Activation f, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        String name = ACTIVATION_BACKWARD_NAMES[f.ordinal()];
        requireCompatible(name, x, y, dy, dx);
        requireSameShape(name, x, y);
        requireSameShape(name, x, dy);
        requireSameShape(name, x, dx);
        activationBackwardKernel(f, x, y, dy, dx);
    }

    /**
     * Leaky ReLU {@code y = x > 0 ? x : alpha x} element-wise, {@code alpha} the slope for {@code x <= 0} (finite; it
     * is rounded to the dtype first, so a FLOAT32 result is exact for an {@code alpha} that FLOAT32 represents). NaN
     * stays NaN. {@code y} may be {@code x}.
     *
     * @param alpha the slope for {@code x <= 0}
     * @param x the input
     * @param y the output, written in place
     * @throws IllegalArgumentException if the tensors differ in shape or dtype, or {@code alpha} is not finite
     */
    public final void leakyRelu(double alpha, Tensor x, Tensor y) {
        requireCompatible("leakyRelu", x, y);
        requireSameShape("leakyRelu", x, y);
        requireFiniteSlope("leakyRelu", alpha);
        leakyReluKernel(alpha, x, y);
    }

    /**
     * The gradient of {@link #leakyRelu}: {@code dx = (x > 0 ? 1 : alpha) dy} element-wise (the slope at 0 is
     * {@code alpha}). All three of one shape; {@code dx} may be {@code dy} or {@code x}.
     *
     * @param alpha the slope for {@code x <= 0}
     * @param x the forward input
     * @param dy the gradient with respect to the output
     * @param dx the gradient with respect to {@code x}, written in place
     * @throws IllegalArgumentException if the tensors differ in shape or dtype, or {@code alpha} is not finite
     */
    public final void leakyReluBackward(double alpha, Tensor x, Tensor dy, Tensor dx) {
        requireCompatible("leakyRelu backward", x, dy, dx);
        requireSameShape("leakyRelu backward", x, dy);
        requireSameShape("leakyRelu backward", x, dx);
        requireFiniteSlope("leakyRelu backward", alpha);
        leakyReluBackwardKernel(alpha, x, dy, dx);
    }

    /**
     * Row-vector broadcast {@code out[i, j] = a[i, j] + row[j]}: {@code a} and {@code out} are
     * {@code [r, c]}, {@code row} is {@code [1, c]} or {@code [c]}.
     *
     * @param a the matrix {@code [r, c]}
     * @param row the row {@code [1, c]} or {@code [c]}
     * @param out the output {@code [r, c]}, written in place; may be {@code a}
     */
    public final void addRowVector(Tensor a, Tensor row, Tensor out) {
        requireCompatible("addRowVector", a, row, out);
        requireMatrix("addRowVector", a);
        requireSameShape("addRowVector", a, out);
        if (!isRowVectorOf(row.shape(), a.shape().cols())) {
            throw new IllegalArgumentException("addRowVector: row vector " + row.shape() + " does not fit the "
                    + a.shape().cols() + " columns of " + a.shape() + " (expected [1, " + a.shape().cols() + "] or ["
                    + a.shape().cols() + "])");
        }
        requireDistinct("addRowVector", row, out);
        addRowVectorKernel(a, row, out);
    }

    /**
     * {@code y += alpha * x} (same shape).
     *
     * @param alpha the factor of {@code x}
     * @param x the tensor to add
     * @param y the tensor added to, in place
     */
    public final void axpy(double alpha, Tensor x, Tensor y) {
        requireCompatible("axpy", x, y);
        requireSameShape("axpy", x, y);
        axpyKernel(alpha, x, y);
    }

    // =================================================================================== probabilities, dropout

    /**
     * Softmax along each row: {@code y[i, j] = exp(x[i, j] − m_i) / Σ_k exp(x[i, k] − m_i)} for a rank-2 {@code x}
     * {@code [rows, classes]}, with {@code m_i} the row's largest element, so that no finite input overflows (an
     * element of −∞ gives 0; a row holding NaN or +∞ gives NaN). {@code y} has {@code x}'s shape and may be {@code x}.
     *
     * @param x the inputs (logits), {@code [rows, classes]}
     * @param y the outputs, rows of probabilities summing to 1
     */
    public final void softmax(Tensor x, Tensor y) {
        requireCompatible("softmax", x, y);
        requireMatrix("softmax", x);
        requireSameShape("softmax", x, y);
        softmaxKernel(x, y);
    }

    /**
     * The gradient of {@link #softmax} from its output {@code y}: {@code dx[i, j] = y[i, j] (dy[i, j] − Σ_k dy[i, k]
     * y[i, k])}. All three {@code [rows, classes]}; {@code dx} may be {@code dy} or {@code y}.
     *
     * @param y  the softmax's outputs
     * @param dy the gradient with respect to them
     * @param dx the gradient with respect to the softmax's inputs
     */
    public final void softmaxBackward(Tensor y, Tensor dy, Tensor dx) {
        requireCompatible("softmax backward", y, dy, dx);
        requireMatrix("softmax backward", y);
        requireSameShape("softmax backward", y, dy);
        requireSameShape("softmax backward", y, dx);
        softmaxBackwardKernel(y, dy, dx);
    }

    /**
     * Softmax cross-entropy, fused and numerically stable: for logits {@code z} {@code [rows, classes]} and targets
     * that are either class labels {@code [rows, 1]} (integers {@code 0 .. classes−1}, as the dtype holds them) or
     * target distributions of {@code z}'s shape (one-hot rows, or any non-negative weights {@code t_ij}), row
     * {@code i}'s loss is {@code Σ_j t_ij (logΣ_k exp(z_ik) − z_ij)}, computed as a log-sum-exp from the row's maximum
     * (no overflow for any finite logits; every term {@code >= 0}). Writes the gradient with respect to the logits,
     * times {@code scale}: {@code gradient = scale (softmax(z) Σ_j t_ij − t)}, i.e. {@code scale (softmax − onehot)}
     * for a label. With one class, targets {@code [rows, 1]} are distributions.
     *
     * @param logits   {@code [rows, classes]}
     * @param targets  {@code [rows, 1]} labels or {@code [rows, classes]} distributions
     * @param scale    the factor of the gradient (for example {@code 1 / rows} for a mean), finite
     * @param gradient {@code [rows, classes]}, distinct from the inputs
     * @return the sum of the rows' losses, accumulated in double precision
     * @throws IllegalArgumentException also when a label is not a class, naming its row, before anything is written
     */
    public final double softmaxCrossEntropy(Tensor logits, Tensor targets, double scale, Tensor gradient) {
        String op = "softmaxCrossEntropy";
        requireCompatible(op, logits, targets, gradient);
        requireMatrix(op, logits);
        requireSameShape(op, logits, gradient);
        Shape z = logits.shape();
        Shape t = targets.shape();
        if (!t.equals(z) && !(t.isMatrix() && t.dim(0) == z.dim(0) && t.dim(1) == 1)) {
            throw new IllegalArgumentException(op + ": targets " + t + " are neither labels [" + z.dim(0)
                    + ", 1] nor distributions " + z + " for the logits " + z);
        }
        requireDistinct(op, gradient, logits, targets);
        requireFinite(op, "scale", scale);
        return softmaxCrossEntropyKernel(logits, targets, scale, gradient);
    }

    /**
     * Binary cross-entropy on logits, element-wise and numerically stable: for logits {@code z} and targets
     * {@code t} (probabilities, usually 0 or 1) of one shape, the loss of an element is
     * {@code −t log σ(z) − (1 − t) log(1 − σ(z))}, computed as {@code max(z, 0) − z t + log(1 + exp(−|z|))} (no
     * overflow, no {@code log 0}). Writes {@code gradient = scale (σ(z) − t)}.
     *
     * @param logits   any shape
     * @param targets  {@code logits}' shape
     * @param scale    the factor of the gradient, finite
     * @param gradient {@code logits}' shape, distinct from the inputs
     * @return the sum of the elements' losses, accumulated in double precision
     */
    public final double sigmoidCrossEntropy(Tensor logits, Tensor targets, double scale, Tensor gradient) {
        String op = "sigmoidCrossEntropy";
        requireCompatible(op, logits, targets, gradient);
        requireSameShape(op, logits, targets);
        requireSameShape(op, logits, gradient);
        requireDistinct(op, gradient, logits, targets);
        requireFinite(op, "scale", scale);
        return sigmoidCrossEntropyKernel(logits, targets, scale, gradient);
    }

    /**
     * Fills {@code mask} with the inverted-dropout mask of training step {@code step} of a layer seeded with
     * {@code seed}: each element is {@code 1 / (1 − rate)} (rounded to the dtype) or, with probability {@code rate},
     * 0, decided by {@link DropoutMasks} from {@code (seed, step, index)} alone, so the mask is the same on every
     * backend, bit for bit.
     *
     * @param rate the probability of dropping an element, in {@code [0, 1)}
     * @param seed the layer's seed
     * @param step the training step's index
     * @param mask any shape; overwritten
     */
    public final void dropoutMask(double rate, long seed, long step, Tensor mask) {
        requireUsable("dropoutMask", mask);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropoutMask: the rate must be in [0, 1), got " + rate);
        }
        dropoutMaskKernel(rate, seed, step, mask);
    }

    // =================================================================================== reductions

    /**
     * Reduces all elements of {@code a} to one number.
     *
     * @param r the reduction
     * @param a the tensor
     * @return the sum, mean, sum of squares, maximum or minimum of all elements
     */
    public final double reduce(Reduction r, Tensor a) {
        requireUsable(REDUCTION_NAMES[r.ordinal()], a);
        return reduceKernel(r, a);
    }

    /**
     * Sums a rank-2 {@code a} of shape {@code [r, c]} along {@code axis} into {@code out}: axis 0 gives the
     * column sums ({@code out} is {@code [1, c]} or {@code [c]}), axis 1 the row sums ({@code [r, 1]} or {@code [r]}).
     *
     * @param axis 0 for the sums of the columns, 1 for those of the rows
     * @param a the matrix {@code [r, c]}
     * @param out the sums, written in place
     */
    public final void sumAlong(int axis, Tensor a, Tensor out) {
        requireCompatible("sumAlong", a, out);
        requireMatrix("sumAlong", a);
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException("sumAlong: axis must be 0 or 1 for " + a.shape() + ", got " + axis);
        }
        int n = axis == 0 ? a.shape().cols() : a.shape().rows();
        boolean fits = axis == 0 ? isRowVectorOf(out.shape(), n) : isColumnVectorOf(out.shape(), n);
        if (!fits) {
            throw new IllegalArgumentException("sumAlong: axis " + axis + " of " + a.shape() + " gives " + n
                    + " sums, output shape " + out.shape() + " does not fit");
        }
        requireDistinct("sumAlong", out, a);
        sumAlongKernel(axis, a, out);
    }

    // =================================================================================== rows

    /**
     * Copies the rows {@code indices[offset .. offset+count-1]} of {@code src} into rows {@code 0 .. count-1} of
     * {@code dst}. A "row" is a slice along the first dimension; {@code dst}'s first dimension must be
     * {@code count} and its other dimensions those of {@code src}.
     *
     * @param src the tensor to copy rows from
     * @param indices row indices
     * @param offset the first position in {@code indices} to use
     * @param count how many rows
     * @param dst the tensor whose rows {@code 0 .. count-1} are written
     */
    public final void gatherRows(Tensor src, int[] indices, int offset, int count, Tensor dst) {
        requireCompatible("gatherRows", src, dst);
        if (offset < 0 || count < 0 || offset + count > indices.length) {
            throw new IllegalArgumentException("gatherRows: indices[" + offset + " .. " + (offset + count)
                    + ") is outside an index array of length " + indices.length);
        }
        if (!dst.shape().equalsWithFirstDim(src.shape(), count)) {
            throw new IllegalArgumentException("gatherRows: " + count + " rows of " + src.shape()
                    + " need an output of shape " + src.shape().withFirstDim(count) + ", got " + dst.shape());
        }
        int rows = src.shape().dim(0);
        for (int i = offset; i < offset + count; i++) {
            if (indices[i] < 0 || indices[i] >= rows) {
                throw new IllegalArgumentException("gatherRows: index " + indices[i] + " at position " + i
                        + " is outside the " + rows + " rows of " + src.shape());
            }
        }
        requireDistinct("gatherRows", dst, src);
        gatherRowsKernel(src, indices, offset, count, dst);
    }

    /**
     * Copies {@code count} consecutive rows of {@code src} starting at {@code srcRow} into {@code dst} starting at
     * {@code dstRow}.
     *
     * @param src the tensor to copy rows from
     * @param srcRow the first row of {@code src} to copy
     * @param dst the tensor to copy rows into
     * @param dstRow the first row of {@code dst} to write
     * @param count how many rows
     */
    public final void copyRows(Tensor src, int srcRow, Tensor dst, int dstRow, int count) {
        requireCompatible("copyRows", src, dst);
        if (!dst.shape().equalsWithFirstDim(src.shape(), dst.shape().dim(0))) {
            throw new IllegalArgumentException("copyRows: rows of " + src.shape() + " and of " + dst.shape()
                    + " differ in shape");
        }
        if (count < 0 || srcRow < 0 || dstRow < 0 || srcRow + count > src.shape().dim(0)
                || dstRow + count > dst.shape().dim(0)) {
            throw new IllegalArgumentException("copyRows: " + count + " rows from row " + srcRow + " of "
                    + src.shape() + " to row " + dstRow + " of " + dst.shape() + " are out of range");
        }
        requireDistinct("copyRows", dst, src);
        copyRowsKernel(src, srcRow, dst, dstRow, count);
    }

    // =================================================================================== kernels (SPI)
    // Storage: every backend implements these seven, which define how its tensors hold their elements.

    /**
     * Creates a zero-filled tensor.
     *
     * @param dtype the element type
     * @param shape the shape
     * @return a new tensor of this backend
     */
    protected abstract Tensor zerosKernel(DType dtype, Shape shape);

    /**
     * Creates a FLOAT32 tensor holding a copy of {@code data} (length already checked).
     *
     * @param data the values, row-major, of exactly {@code shape.size()} elements; copied
     * @param shape the shape
     * @return a new tensor of this backend
     */
    protected abstract Tensor fromArrayKernel(float[] data, Shape shape);

    /**
     * Creates a FLOAT64 tensor holding a copy of {@code data} (length already checked).
     *
     * @param data the values, row-major, of exactly {@code shape.size()} elements; copied
     * @param shape the shape
     * @return a new tensor of this backend
     */
    protected abstract Tensor fromArrayKernel(double[] data, Shape shape);

    /**
     * Row-major read into a float array of exactly the right length.
     *
     * @param t the tensor to read
     * @param dst the array to fill
     */
    protected abstract void readKernel(Tensor t, float[] dst);

    /**
     * Row-major read into a double array of exactly the right length.
     *
     * @param t the tensor to read
     * @param dst the array to fill
     */
    protected abstract void readKernel(Tensor t, double[] dst);

    /**
     * Row-major write from a float array of exactly the right length.
     *
     * @param t the tensor to overwrite
     * @param src the values
     */
    protected abstract void writeKernel(Tensor t, float[] src);

    /**
     * Row-major write from a double array of exactly the right length.
     *
     * @param t the tensor to overwrite
     * @param src the values
     */
    protected abstract void writeKernel(Tensor t, double[] src);

    // Compute: each has a plain-Java default ({@link FloatArrayKernels}, {@link DoubleArrayKernels}) on the arrays
    // the element hooks below lend it; a backend overrides those it does better.

    /**
     * {@code dst = src}; distinct tensors of one shape.
     *
     * @param src the tensor to copy
     * @param dst the tensor to overwrite
     */
    protected void copyKernel(Tensor src, Tensor dst) {
        if (isFloat(src)) {
            FloatArrayKernels.copy(this, src, dst);
        } else {
            DoubleArrayKernels.copy(this, src, dst);
        }
    }

    /**
     * Sets every element.
     *
     * @param t the tensor to overwrite
     * @param value the value of every element
     */
    protected void fillKernel(Tensor t, double value) {
        if (isFloat(t)) {
            FloatArrayKernels.fill(this, t, value);
        } else {
            DoubleArrayKernels.fill(this, t, value);
        }
    }

    /**
     * See {@link #gemm}; {@code c} is distinct from {@code a} and {@code b}. The default is a plain triple loop.
     *
     * @param alpha the factor of the product
     * @param a the left matrix
     * @param transA whether {@code op(a)} is the transpose of {@code a}
     * @param b the right matrix
     * @param transB whether {@code op(b)} is the transpose of {@code b}
     * @param beta the factor of the previous {@code c}
     * @param c the output {@code [m, n]}, also read when {@code beta != 0}
     */
    protected void gemmKernel(double alpha, Tensor a, boolean transA, Tensor b, boolean transB, double beta,
                              Tensor c) {
        if (isFloat(c)) {
            FloatArrayKernels.gemm(this, alpha, a, transA, b, transB, beta, c);
        } else {
            DoubleArrayKernels.gemm(this, alpha, a, transA, b, transB, beta, c);
        }
    }

    /**
     * See {@link #transpose}.
     *
     * @param a the matrix {@code [r, c]}
     * @param out the output {@code [c, r]}
     */
    protected void transposeKernel(Tensor a, Tensor out) {
        if (isFloat(a)) {
            FloatArrayKernels.transpose(this, a, out);
        } else {
            DoubleArrayKernels.transpose(this, a, out);
        }
    }

    /**
     * See {@link #binary}; {@code out} may alias {@code a} or {@code b}.
     *
     * @param op the operation
     * @param a the left operand
     * @param b the right operand
     * @param out the output, written in place
     */
    protected void binaryKernel(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        if (isFloat(a)) {
            FloatArrayKernels.binary(this, op, a, b, out);
        } else {
            DoubleArrayKernels.binary(this, op, a, b, out);
        }
    }

    /**
     * See {@link #scalar}; {@code out} may alias {@code a}.
     *
     * @param op the operation
     * @param a the tensor operand
     * @param s the scalar operand
     * @param out the output, written in place
     */
    protected void scalarKernel(ScalarOp op, Tensor a, double s, Tensor out) {
        if (isFloat(a)) {
            FloatArrayKernels.scalar(this, op, a, s, out);
        } else {
            DoubleArrayKernels.scalar(this, op, a, s, out);
        }
    }

    /**
     * See {@link #unary}; {@code out} may alias {@code a}.
     *
     * @param f the function
     * @param a the input
     * @param out the output, written in place
     */
    protected void unaryKernel(UnaryOp f, Tensor a, Tensor out) {
        if (isFloat(a)) {
            FloatArrayKernels.unary(this, f, a, out);
        } else {
            DoubleArrayKernels.unary(this, f, a, out);
        }
    }

    /**
     * See {@link #activation}; {@code y} may alias {@code x}.
     *
     * @param f the activation
     * @param x the input
     * @param y the output
     */
    protected void activationKernel(Activation f, Tensor x, Tensor y) {
        if (isFloat(x)) {
            FloatArrayKernels.activation(this, f, x, y);
        } else {
            DoubleArrayKernels.activation(this, f, x, y);
        }
    }

    /**
     * See {@link #activationBackward}; {@code dx} may alias {@code dy} (and, for ReLU, {@code x} may alias {@code y}).
     *
     * @param f the activation
     * @param x the forward input
     * @param y the forward output {@code f(x)}
     * @param dy the gradient with respect to {@code y}
     * @param dx the gradient with respect to {@code x}, written in place
     */
    protected void activationBackwardKernel(Activation f, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        if (isFloat(x)) {
            FloatArrayKernels.activationBackward(this, f, x, y, dy, dx);
        } else {
            DoubleArrayKernels.activationBackward(this, f, x, y, dy, dx);
        }
    }

    /**
     * See {@link #leakyRelu}; {@code y} may alias {@code x}.
     *
     * @param alpha the slope for {@code x <= 0}, finite
     * @param x the input
     * @param y the output, written in place
     */
    protected void leakyReluKernel(double alpha, Tensor x, Tensor y) {
        if (isFloat(x)) {
            FloatArrayKernels.leakyRelu(this, alpha, x, y);
        } else {
            DoubleArrayKernels.leakyRelu(this, alpha, x, y);
        }
    }

    /**
     * See {@link #leakyReluBackward}; {@code dx} may alias {@code dy} or {@code x}.
     *
     * @param alpha the slope for {@code x <= 0}, finite
     * @param x the forward input
     * @param dy the gradient with respect to the output
     * @param dx the gradient with respect to {@code x}, written in place
     */
    protected void leakyReluBackwardKernel(double alpha, Tensor x, Tensor dy, Tensor dx) {
        if (isFloat(x)) {
            FloatArrayKernels.leakyReluBackward(this, alpha, x, dy, dx);
        } else {
            DoubleArrayKernels.leakyReluBackward(this, alpha, x, dy, dx);
        }
    }

    /**
     * See {@link #softmax}; {@code y} may alias {@code x}.
     *
     * @param x the inputs
     * @param y the outputs
     */
    protected void softmaxKernel(Tensor x, Tensor y) {
        if (isFloat(x)) {
            FloatArrayKernels.softmax(this, x, y);
        } else {
            DoubleArrayKernels.softmax(this, x, y);
        }
    }

    /**
     * See {@link #softmaxBackward}; {@code dx} may alias {@code dy} or {@code y}.
     *
     * @param y  the softmax's outputs
     * @param dy the gradient with respect to them
     * @param dx the gradient with respect to the inputs
     */
    protected void softmaxBackwardKernel(Tensor y, Tensor dy, Tensor dx) {
        if (isFloat(y)) {
            FloatArrayKernels.softmaxBackward(this, y, dy, dx);
        } else {
            DoubleArrayKernels.softmaxBackward(this, y, dy, dx);
        }
    }

    /**
     * See {@link #softmaxCrossEntropy}. Shapes are checked; labels are not: the kernel checks them before it writes
     * anything (the default does).
     *
     * @param logits   {@code [rows, classes]}
     * @param targets  labels {@code [rows, 1]} or distributions {@code [rows, classes]}
     * @param scale    the factor of the gradient
     * @param gradient {@code [rows, classes]}
     * @return the sum of the rows' losses
     */
    protected double softmaxCrossEntropyKernel(Tensor logits, Tensor targets, double scale, Tensor gradient) {
        return isFloat(logits) ? FloatArrayKernels.softmaxCrossEntropy(this, logits, targets, scale, gradient)
                : DoubleArrayKernels.softmaxCrossEntropy(this, logits, targets, scale, gradient);
    }

    /**
     * See {@link #sigmoidCrossEntropy}.
     *
     * @param logits   any shape
     * @param targets  the logits' shape
     * @param scale    the factor of the gradient
     * @param gradient the logits' shape
     * @return the sum of the elements' losses
     */
    protected double sigmoidCrossEntropyKernel(Tensor logits, Tensor targets, double scale, Tensor gradient) {
        return isFloat(logits) ? FloatArrayKernels.sigmoidCrossEntropy(this, logits, targets, scale, gradient)
                : DoubleArrayKernels.sigmoidCrossEntropy(this, logits, targets, scale, gradient);
    }

    /**
     * See {@link #dropoutMask}; the rate is in {@code [0, 1)}.
     *
     * @param rate the probability of dropping an element
     * @param seed the layer's seed
     * @param step the training step's index
     * @param mask the mask to fill
     */
    protected void dropoutMaskKernel(double rate, long seed, long step, Tensor mask) {
        if (isFloat(mask)) {
            FloatArrayKernels.dropoutMask(this, rate, seed, step, mask);
        } else {
            DoubleArrayKernels.dropoutMask(this, rate, seed, step, mask);
        }
    }

    /**
     * See {@link #addRowVector}; {@code out} may alias {@code a}.
     *
     * @param a the matrix {@code [r, c]}
     * @param row the row {@code [1, c]} or {@code [c]}
     * @param out the output, written in place
     */
    protected void addRowVectorKernel(Tensor a, Tensor row, Tensor out) {
        if (isFloat(a)) {
            FloatArrayKernels.addRowVector(this, a, row, out);
        } else {
            DoubleArrayKernels.addRowVector(this, a, row, out);
        }
    }

    /**
     * See {@link #axpy}.
     *
     * @param alpha the factor of {@code x}
     * @param x the tensor to add
     * @param y the tensor added to, in place
     */
    protected void axpyKernel(double alpha, Tensor x, Tensor y) {
        if (isFloat(x)) {
            FloatArrayKernels.axpy(this, alpha, x, y);
        } else {
            DoubleArrayKernels.axpy(this, alpha, x, y);
        }
    }

    /**
     * See {@link #reduce}.
     *
     * @param r the reduction
     * @param a the tensor
     * @return the reduction of all elements
     */
    protected double reduceKernel(Reduction r, Tensor a) {
        return isFloat(a) ? FloatArrayKernels.reduce(this, r, a) : DoubleArrayKernels.reduce(this, r, a);
    }

    /**
     * See {@link #sumAlong}.
     *
     * @param axis 0 for the sums of the columns, 1 for those of the rows
     * @param a the matrix {@code [r, c]}
     * @param out the sums
     */
    protected void sumAlongKernel(int axis, Tensor a, Tensor out) {
        if (isFloat(a)) {
            FloatArrayKernels.sumAlong(this, axis, a, out);
        } else {
            DoubleArrayKernels.sumAlong(this, axis, a, out);
        }
    }

    /**
     * See {@link #gatherRows}; indices already range-checked.
     *
     * @param src the tensor to copy rows from
     * @param indices row indices
     * @param offset the first position in {@code indices} to use
     * @param count how many rows
     * @param dst the tensor whose first rows are written
     */
    protected void gatherRowsKernel(Tensor src, int[] indices, int offset, int count, Tensor dst) {
        if (isFloat(src)) {
            FloatArrayKernels.gatherRows(this, src, indices, offset, count, dst);
        } else {
            DoubleArrayKernels.gatherRows(this, src, indices, offset, count, dst);
        }
    }

    /**
     * See {@link #copyRows}; ranges already checked.
     *
     * @param src the tensor to copy rows from
     * @param srcRow the first row of {@code src} to copy
     * @param dst the tensor to copy rows into
     * @param dstRow the first row of {@code dst} to write
     * @param count how many rows
     */
    protected void copyRowsKernel(Tensor src, int srcRow, Tensor dst, int dstRow, int count) {
        if (isFloat(src)) {
            FloatArrayKernels.copyRows(this, src, srcRow, dst, dstRow, count);
        } else {
            DoubleArrayKernels.copyRows(this, src, srcRow, dst, dstRow, count);
        }
    }

    // =================================================================================== element hooks
    // How the default kernels reach a tensor's elements. By default through copies (readKernel / writeKernel):
    // correct for any backend, but it allocates on every call. A backend whose tensors are Java arrays lends its own
    // arrays instead ({@link HeapArrayBackend} does), so that the defaults copy and allocate nothing.

    /**
     * The elements of FLOAT32 tensor {@code t} (at least {@code t.size()}, row-major, from index 0) for a default
     * kernel to read, or to update and hand back to {@link #written(Tensor, float[])}. Default: a new copy.
     *
     * @param t a FLOAT32 tensor of this backend
     * @return its elements, to read or update
     */
    protected float[] floatsToRead(Tensor t) {
        float[] a = new float[t.size()];
        readKernel(t, a);
        return a;
    }

    /**
     * As {@link #floatsToRead} for FLOAT64.
     *
     * @param t a FLOAT64 tensor of this backend
     * @return its elements, to read or update
     */
    protected double[] doublesToRead(Tensor t) {
        double[] a = new double[t.size()];
        readKernel(t, a);
        return a;
    }

    /**
     * An array for a default kernel to write all elements of FLOAT32 tensor {@code t} into, then to hand to
     * {@link #written(Tensor, float[])}; its contents need not be those of {@code t}, and it must not be an array
     * lent for another tensor of the same call. Default: a new array.
     *
     * @param t a FLOAT32 tensor of this backend
     * @return an array of at least {@code t.size()} elements
     */
    protected float[] floatsToWrite(Tensor t) {
        return new float[t.size()];
    }

    /**
     * As {@link #floatsToWrite} for FLOAT64.
     *
     * @param t a FLOAT64 tensor of this backend
     * @return an array of at least {@code t.size()} elements
     */
    protected double[] doublesToWrite(Tensor t) {
        return new double[t.size()];
    }

    /**
     * A default kernel has written all elements of {@code t} into {@code values}, the array {@link #floatsToWrite} or
     * {@link #floatsToRead} lent for it. Default: stores them with {@link #writeKernel(Tensor, float[])} (the default
     * hooks lend arrays of exactly {@code t.size()} elements; a backend that lends longer ones overrides this too).
     *
     * @param t the FLOAT32 tensor written
     * @param values the array lent for it, holding its new elements
     */
    protected void written(Tensor t, float[] values) {
        writeKernel(t, values);
    }

    /**
     * As {@link #written(Tensor, float[])} for FLOAT64.
     *
     * @param t the FLOAT64 tensor written
     * @param values the array lent for it, holding its new elements
     */
    protected void written(Tensor t, double[] values) {
        writeKernel(t, values);
    }

    private static boolean isFloat(Tensor t) {
        return t.dtype() == DType.FLOAT32;
    }

    // =================================================================================== validation

    /**
     * {@return the shape of {@code op(a) · op(b)}, or an {@link IllegalArgumentException} naming {@code operation} and
     * both shapes when they do not fit}
     *
     * @param operation the operation to name in the message, e.g. {@code "matmul"}
     * @param a the left matrix
     * @param transA whether {@code op(a)} is the transpose of {@code a}
     * @param b the right matrix
     * @param transB whether {@code op(b)} is the transpose of {@code b}
     */
    public static Shape productShape(String operation, Tensor a, boolean transA, Tensor b, boolean transB) {
        if (!a.shape().isMatrix() || !b.shape().isMatrix()) {
            throw new IllegalArgumentException(operation + ": needs rank-2 tensors, got " + a.shape() + " and "
                    + b.shape());
        }
        int m = transA ? a.shape().cols() : a.shape().rows();
        int ka = transA ? a.shape().rows() : a.shape().cols();
        int kb = transB ? b.shape().cols() : b.shape().rows();
        int n = transB ? b.shape().rows() : b.shape().cols();
        if (ka != kb) {
            throw new IllegalArgumentException(operation + ": shapes " + describe(a, transA) + " and "
                    + describe(b, transB) + " do not fit: inner dimensions " + ka + " and " + kb + " differ");
        }
        return Shape.matrix(m, n);
    }

    private static boolean fitsProduct(Tensor a, boolean transA, Tensor b, boolean transB, Shape c) {
        Shape sa = a.shape();
        Shape sb = b.shape();
        if (!sa.isMatrix() || !sb.isMatrix() || !c.isMatrix()) {
            return false;
        }
        int m = transA ? sa.dim(1) : sa.dim(0);
        int ka = transA ? sa.dim(0) : sa.dim(1);
        int kb = transB ? sb.dim(1) : sb.dim(0);
        int n = transB ? sb.dim(0) : sb.dim(1);
        return ka == kb && c.dim(0) == m && c.dim(1) == n;
    }

    private static String describe(Tensor t, boolean transposed) {
        return transposed ? t.shape() + "ᵀ" : t.shape().toString();
    }

    /** Whether {@code s} is {@code [1, n]} or {@code [n]}. */
    private static boolean isRowVectorOf(Shape s, int n) {
        return s.rank() == 2 ? s.dim(0) == 1 && s.dim(1) == n : s.rank() == 1 && s.dim(0) == n;
    }

    /** Whether {@code s} is {@code [n, 1]} or {@code [n]}. */
    private static boolean isColumnVectorOf(Shape s, int n) {
        return s.rank() == 2 ? s.dim(0) == n && s.dim(1) == 1 : s.rank() == 1 && s.dim(0) == n;
    }

    private void requireUsable(String op, Tensor t) {
        requireNonNull(t, op);
        if (t.backend() != this) {
            throw new IllegalArgumentException(op + ": a tensor of backend '" + t.backend().name()
                    + "' was passed to backend '" + name() + "'; copy it with toFloatArray()/fromArray first");
        }
        if (t.isClosed()) {
            throw new IllegalStateException(op + ": tensor " + t.shape() + " has been closed");
        }
    }

    // Fixed arities instead of varargs: validation runs on every operation and must not allocate.
    private void requireCompatible(String op, Tensor first, Tensor second) {
        requireUsable(op, first);
        requireCompatibleWith(op, first, second);
    }

    private void requireCompatible(String op, Tensor first, Tensor second, Tensor third) {
        requireCompatible(op, first, second);
        requireCompatibleWith(op, first, third);
    }

    private void requireCompatible(String op, Tensor first, Tensor second, Tensor third, Tensor fourth) {
        requireCompatible(op, first, second, third);
        requireCompatibleWith(op, first, fourth);
    }

    private void requireCompatibleWith(String op, Tensor first, Tensor t) {
        requireNonNull(t, op);
        if (t.backend() != first.backend()) {
            throw new IllegalArgumentException(op + ": tensors of two backends, '" + first.backend().name()
                    + "' " + first.shape() + " and '" + t.backend().name() + "' " + t.shape());
        }
        requireUsable(op, t);
        if (t.dtype() != first.dtype()) {
            throw new IllegalArgumentException(op + ": dtypes differ, " + first.dtype() + " " + first.shape()
                    + " and " + t.dtype() + " " + t.shape());
        }
    }

    private static void requireSameShape(String op, Tensor a, Tensor b) {
        if (!a.shape().equals(b.shape())) {
            throw new IllegalArgumentException(op + ": shapes " + a.shape() + " and " + b.shape() + " differ");
        }
    }

    private static void requireFinite(String op, String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(op + ": the " + what + " must be finite, got " + value);
        }
    }

    private static void requireFiniteSlope(String op, double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException(op + ": the slope alpha must be finite, got " + alpha);
        }
    }

    private static void requireMatrix(String op, Tensor a) {
        if (!a.shape().isMatrix()) {
            throw new IllegalArgumentException(op + ": needs a rank-2 tensor, got " + a.shape());
        }
    }

    private static void requireDistinct(String op, Tensor out, Tensor input) {
        if (input == out) {
            throw new IllegalArgumentException(op + ": the output " + out.shape() + " must not also be an input");
        }
    }

    private static void requireDistinct(String op, Tensor out, Tensor a, Tensor b) {
        requireDistinct(op, out, a);
        requireDistinct(op, out, b);
    }

    private static void requireLength(String op, int length, Shape shape) {
        if (length != shape.size()) {
            throw new IllegalArgumentException(op + ": array of length " + length + " does not fit shape "
                    + shape + " (" + shape.size() + " elements)");
        }
    }

    private static <T> T requireNonNull(T value, String what) {
        if (value == null) {
            throw new NullPointerException(what + ": an argument is null");
        }
        return value;
    }
}
