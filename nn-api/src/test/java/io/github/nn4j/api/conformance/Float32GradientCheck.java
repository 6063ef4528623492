package io.github.nn4j.api.conformance;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.conformance.Tolerance.ElementFunction;
import io.github.nn4j.api.layer.ActivationLayer;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Dropout;
import io.github.nn4j.api.layer.Softmax;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.loss.SigmoidCrossEntropy;
import io.github.nn4j.api.loss.SoftmaxCrossEntropy;
import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Gradient checks in FLOAT32: the analytic gradient against central differences {@code (f(x+h) - f(x-h)) / 2h} of
 * the FLOAT32 forward pass, with a tolerance derived from float rounding rather than guessed.
 *
 * <p>Why a fixed tolerance does not fit float: the difference quotient divides the forward pass's rounding error
 * (about {@code u = 6e-8} relative) by the step h, while a small h is needed to keep the truncation error
 * {@code h² |f'''| / 6} down; the best compromise is a relative error near {@code u^(2/3) ≈ 1.5e-5}, and where it lands
 * depends on the layer. So the tolerance is computed for every element, as the sum of:
 * <ul>
 *   <li>the analytic gradient's own bound ({@link Tolerance}: a GEMM, a column sum, an activation derivative, a
 *       scaling);</li>
 *   <li>the forward pass's bound at {@code x + h} and {@code x - h}, summed over the outputs that the perturbed
 *       element feeds (the objective {@code Σ y G} is summed in double by the check itself, and outputs that do not
 *       depend on the element are computed from the same numbers both times, so their rounding cancels), divided by
 *       {@code 2h};</li>
 *   <li>the truncation error: zero for a dense layer (linear in each input, weight and bias) and for squared error
 *       (quadratic), {@code h² max|f'''| |G| / 6} for an activation (sigmoid {@code max|f'''| = 1/8}, tanh 2, ReLU 0
 *       away from its kink).</li>
 * </ul>
 * Inputs, weights and upstream gradients are multiples of {@code 2^-10} below 3 in magnitude and the steps are
 * powers of two ({@code 2^-4}, and {@code 2^-6} for activations), so {@code x ± h} is exact in float and the step is
 * exactly h. The resulting tolerances are about {@code 1e-5} to {@code 1e-4} of the gradients: tight enough that a
 * derivative formula wrong by any factor, a missing term or a lost row fails.
 */
final class Float32GradientCheck {
    private static final DType F = DType.FLOAT32;
    private static final double DENSE_STEP = 0x1p-4;
    private static final double ACTIVATION_STEP = 0x1p-6;
    private static final double GRID = 0x1p-10;

    private final Backend backend;
    private final Tolerance tol = Tolerance.of(F);
    private final Random random = new Random(17);

    Float32GradientCheck(Backend backend) {
        this.backend = backend;
    }

    /** A multiple of 2^-10 in (-max, max), at least {@code min} in magnitude. */
    private double grid(double min, double max) {
        double v = Math.round((min + (max - min) * random.nextDouble()) / GRID) * GRID;
        return random.nextBoolean() ? v : -v;
    }

    private double[] grid(int n, double min, double max) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = grid(min, max);
        }
        return x;
    }

    /** {@code Σ y G} in double: the products of two floats are exact, the sum compensated. */
    private static double objective(Tensor y, double[] g) {
        return ReferenceMath.dot(y.toDoubleArray(), 0, 1, g, 0, 1, g.length);
    }

    private static void check(String what, int index, double analytic, double numeric, double bound) {
        if (!(Math.abs(analytic - numeric) <= bound)) {
            throw new AssertionError("FLOAT32 gradient check of " + what + ", element " + index + ": analytic "
                    + analytic + ", central difference " + numeric + ", allowed difference " + bound + " (off by "
                    + Math.abs(analytic - numeric) + ")");
        }
    }

    /** A {@code [m, k] -> [m, n]} dense layer: input, weight and bias gradients. */
    void dense(int m, int k, int n) {
        double[] x = grid(m * k, 0, 1);
        double[] w = grid(k * n, 0, 1);
        double[] b = grid(n, 0, 1);
        double[] g = grid(m * n, 0, 1);
        try (Dense dense = new Dense(backend, F, k, n, WeightInit.XAVIER_UNIFORM, 1);
             Tensor input = backend.fromArray(F, x, Shape.of(m, k));
             Tensor upstream = backend.fromArray(F, g, Shape.of(m, n))) {
            dense.weight().value().copyFrom(w);
            dense.bias().value().copyFrom(b);
            dense.forward(input, true);
            double[] dx = dense.backward(upstream, true).toDoubleArray();
            double[] dw = dense.weight().gradient().toDoubleArray();
            double[] db = dense.bias().gradient().toDoubleArray();
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) {
                    double scale = 0;
                    for (int j = 0; j < n; j++) {
                        scale += Math.abs(g[i * n + j] * w[p * n + j]);
                    }
                    double numeric = difference(x, i * k + p, DENSE_STEP, input,
                            () -> objective(dense.forward(input, true), g));
                    double forward = denseForwardError(x, w, b, g, m, k, n, i, -1);
                    check("dense input", i * k + p, dx[i * k + p], numeric, tol.dot(n, scale) + forward);
                }
            }
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    double scale = 0;
                    for (int i = 0; i < m; i++) {
                        scale += Math.abs(x[i * k + p] * g[i * n + j]);
                    }
                    double numeric = difference(w, p * n + j, DENSE_STEP, dense.weight().value(),
                            () -> objective(dense.forward(input, true), g));
                    double forward = denseForwardError(x, w, b, g, m, k, n, -1, j);
                    check("dense weight", p * n + j, dw[p * n + j], numeric, tol.dot(m, scale) + forward);
                }
            }
            for (int j = 0; j < n; j++) {
                double scale = 0;
                for (int i = 0; i < m; i++) {
                    scale += Math.abs(g[i * n + j]);
                }
                double numeric = difference(b, j, DENSE_STEP, dense.bias().value(),
                        () -> objective(dense.forward(input, true), g));
                double forward = denseForwardError(x, w, b, g, m, k, n, -1, j);
                check("dense bias", j, db[j], numeric, tol.sumAlong(m, scale) + forward);
            }
        }
    }

    /**
     * The forward rounding that reaches the difference quotient of a dense layer: the bound of each output the
     * perturbed element feeds (row {@code row}, or column {@code col}), at either perturbed point (magnitudes
     * grown by the step), times |G|, twice, over 2h.
     */
    private double denseForwardError(double[] x, double[] w, double[] b, double[] g, int m, int k, int n, int row,
                                     int col) {
        double sum = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if ((row >= 0 && i != row) || (col >= 0 && j != col)) {
                    continue;
                }
                double scale = 0;
                for (int p = 0; p < k; p++) {
                    scale += (Math.abs(x[i * k + p]) + DENSE_STEP) * (Math.abs(w[p * n + j]) + DENSE_STEP);
                }
                double y = scale + Math.abs(b[j]) + DENSE_STEP;
                sum += (tol.dot(k, scale) + tol.unitRoundoff() * y + tol.underflow(y)) * Math.abs(g[i * n + j]);
            }
        }
        return 2 * sum / (2 * DENSE_STEP);
    }

    /**
     * The central difference {@code (f(x + h e_i) - f(x - h e_i)) / 2h}, where {@code values} are the elements
     * {@code holder} holds (restored afterwards).
     */
    private static double difference(double[] values, int i, double h, Tensor holder, DoubleSupplier f) {
        double original = values[i];
        values[i] = original + h;
        holder.copyFrom(values);
        double plus = f.getAsDouble();
        values[i] = original - h;
        holder.copyFrom(values);
        double minus = f.getAsDouble();
        values[i] = original;
        holder.copyFrom(values);
        return (plus - minus) / (2 * h);
    }

    /** An activation layer on {@code [4, 9]} inputs at least {@code 2h} from ReLU's kink. */
    void activation(Activation f) {
        int n = 36;
        double[] x = grid(n, 2 * ACTIVATION_STEP, 3);
        double[] g = grid(n, 0, 1);
        ElementFunction budget = f == Activation.SIGMOID ? ElementFunction.SIGMOID
                : f == Activation.TANH ? ElementFunction.TANH : null;
        double thirdDerivativeMax = f == Activation.SIGMOID ? 0.125 : f == Activation.TANH ? 2 : 0;
        try (ActivationLayer layer = new ActivationLayer(f); Tensor input = backend.fromArray(F, x, Shape.of(4, 9));
             Tensor upstream = backend.fromArray(F, g, Shape.of(4, 9))) {
            layer.forward(input, true);
            double[] analytic = layer.backward(upstream, true).toDoubleArray();
            for (int i = 0; i < n; i++) {
                double original = x[i];
                double numeric = difference(x, i, ACTIVATION_STEP, input, () -> objective(layer.forward(input, true), g));
                double bound;
                if (budget == null) { // ReLU and identity: exact forward, exact derivative, no truncation
                    bound = tol.underflow(numeric);
                } else {
                    boolean sigmoid = f == Activation.SIGMOID;
                    double y = sigmoid ? ReferenceMath.sigmoid(original) : ReferenceMath.tanh(original);
                    double d = sigmoid ? ReferenceMath.sigmoidDerivative(original) : ReferenceMath.tanhDerivative(original);
                    double slope = sigmoid ? 1 : 2 * Math.abs(y) + 1e-3;
                    double forward = tol.function(budget, Math.abs(y) + ACTIVATION_STEP) * Math.abs(g[i]);
                    double truncation = ACTIVATION_STEP * ACTIVATION_STEP * thirdDerivativeMax * Math.abs(g[i]) / 6;
                    bound = tol.activationBackward(budget, y, d, slope, g[i]) + 2 * forward / (2 * ACTIVATION_STEP)
                            + truncation;
                }
                check(f + " input", i, analytic[i], numeric, bound);
            }
        }
    }

    /**
     * Squared error on {@code [5, 3]}: quadratic, and on grid values the differences, squares and sums are exact
     * in float and double, so the difference quotient is exact up to the final division by the sample count; the
     * gradient {@code 2/m (p - t)} carries two roundings.
     */
    void squaredError(MeanSquaredError loss, boolean perElement) {
        int rows = 5;
        int n = 15;
        double[] p = grid(n, 0, 1);
        double[] t = grid(n, 0, 1);
        double divisor = perElement ? n : rows;
        try (Tensor prediction = backend.fromArray(F, p, Shape.of(rows, 3));
             Tensor target = backend.fromArray(F, t, Shape.of(rows, 3));
             Tensor gradient = backend.zeros(F, Shape.of(rows, 3))) {
            double value = loss.valueAndGradient(prediction, target, gradient);
            double exact = ReferenceMath.sumOfSquares(diff(p, t)) / divisor;
            double doubleU = 0x1p-53;
            if (!(Math.abs(value - exact) <= 2 * doubleU * exact)) {
                throw new AssertionError(loss + " FLOAT32: value " + value + ", exact " + exact);
            }
            double[] analytic = gradient.toDoubleArray();
            for (int i = 0; i < n; i++) {
                double numeric = difference(p, i, DENSE_STEP, prediction, () -> loss.value(prediction, target));
                double gi = 2 / divisor * (p[i] - t[i]);
                // the loss at p ± h is at most (√(Σd²) + h)² / divisor; its one rounding, twice, over 2h
                double reach = Math.pow(Math.sqrt(exact * divisor) + DENSE_STEP, 2) / divisor;
                double bound = tol.gamma(2) * Math.abs(gi) + tol.underflow(gi) + 2 * doubleU * reach / DENSE_STEP;
                check(loss + " prediction", i, analytic[i], numeric, bound);
            }
        }
    }

    /** The largest |σ''| (at x = ±ln(2 + √3)): 1 / (6√3), which bounds the third derivatives below. */
    private static final double SIGMOID_SECOND_DERIVATIVE_MAX = 0.0963;

    /**
     * Softmax cross-entropy with labels on {@code [rows, classes]} logits. The truncation: along one logit the loss
     * of its row is {@code log(e^z + R) − …}, whose third derivative is {@code σ''} of a shifted argument, at most
     * {@link #SIGMOID_SECOND_DERIVATIVE_MAX} (over the batch size). The forward's rounding: the loss's bound
     * ({@link Tolerance#crossEntropyRow}) at both perturbed points, over 2h.
     */
    void softmaxCrossEntropy(int rows, int classes) {
        int n = rows * classes;
        double[] z = grid(n, 0, 3);
        double[] labels = new double[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(classes);
        }
        double scale = 1.0 / rows;
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        try (Tensor logits = backend.fromArray(F, z, Shape.of(rows, classes));
             Tensor target = backend.fromArray(F, labels, Shape.of(rows, 1));
             Tensor gradient = backend.zeros(F, Shape.of(rows, classes))) {
            loss.valueAndGradient(logits, target, gradient);
            double[] analytic = gradient.toDoubleArray();
            for (int e = 0; e < n; e++) {
                int row = e / classes;
                double numeric = difference(z, e, ACTIVATION_STEP, logits, () -> loss.value(logits, target));
                double p = ReferenceMath.softmax(z, row * classes, classes)[e % classes];
                double t = e % classes == (int) labels[row] ? 1 : 0;
                double forward = (crossEntropyBound(z, e, ACTIVATION_STEP, labels, classes)
                        + crossEntropyBound(z, e, -ACTIVATION_STEP, labels, classes)) * scale / (2 * ACTIVATION_STEP);
                double truncation = ACTIVATION_STEP * ACTIVATION_STEP * SIGMOID_SECOND_DERIVATIVE_MAX * scale / 6;
                double bound = tol.crossEntropyGradient(classes, scale, p, 1, t) + forward + truncation;
                check("softmax cross-entropy logit", e, analytic[e], numeric, bound);
            }
        }
    }

    /** The bound of a softmax cross-entropy's summed loss at {@code z} with element {@code e} moved by {@code h}. */
    private double crossEntropyBound(double[] z, int e, double h, double[] labels, int classes) {
        double[] moved = z.clone();
        moved[e] += h;
        double bound = 0;
        double magnitude = 0;
        for (int i = 0; i < labels.length; i++) {
            int base = i * classes;
            double lse = ReferenceMath.logSumExp(moved, base, classes);
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, moved[base + j]);
            }
            double zy = moved[base + (int) labels[i]];
            bound += tol.crossEntropyRow(classes, 1, lse, max, Math.abs(lse - max) + Math.abs(zy - max));
            magnitude += lse - zy;
        }
        return bound + Tolerance.sum(labels.length, magnitude);
    }

    /**
     * Binary cross-entropy on {@code [4, 3]} logits: the loss of one element along its logit has the third derivative
     * {@code σ''}, at most {@link #SIGMOID_SECOND_DERIVATIVE_MAX} (over the element count); the forward's rounding is
     * {@link Tolerance#binaryCrossEntropy} at both points.
     */
    void sigmoidCrossEntropy() {
        int n = 12;
        double[] z = grid(n, 0, 3);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = random.nextInt(2);
        }
        double scale = 1.0 / n;
        SigmoidCrossEntropy loss = new SigmoidCrossEntropy();
        try (Tensor logits = backend.fromArray(F, z, Shape.of(4, 3)); Tensor target = backend.fromArray(F, t, Shape.of(4, 3));
             Tensor gradient = backend.zeros(F, Shape.of(4, 3))) {
            loss.valueAndGradient(logits, target, gradient);
            double[] analytic = gradient.toDoubleArray();
            for (int i = 0; i < n; i++) {
                double numeric = difference(z, i, ACTIVATION_STEP, logits, () -> loss.value(logits, target));
                double forward = 0;
                for (double h : new double[] {ACTIVATION_STEP, -ACTIVATION_STEP}) {
                    double total = 0;
                    for (int k = 0; k < n; k++) {
                        double zk = z[k] + (k == i ? h : 0);
                        forward += tol.binaryCrossEntropy(zk, t[k], StrictMath.log1p(StrictMath.exp(-Math.abs(zk))));
                        total += ReferenceMath.binaryCrossEntropy(zk, t[k]);
                    }
                    forward += Tolerance.sum(n, total);
                }
                forward *= scale / (2 * ACTIVATION_STEP);
                double truncation = ACTIVATION_STEP * ACTIVATION_STEP * SIGMOID_SECOND_DERIVATIVE_MAX * scale / 6;
                double s = ReferenceMath.sigmoid(z[i]);
                double bound = tol.binaryCrossEntropyGradient(scale, s, t[i]) + forward + truncation;
                check("sigmoid cross-entropy logit", i, analytic[i], numeric, bound);
            }
        }
    }

    /**
     * The softmax layer on {@code [rows, classes]}, objective {@code Σ y G}. Along {@code x_ij} every output of row i
     * is a constant (at most 1) times a sigmoid, or one minus it, of a shifted argument, so the third derivative of the
     * objective is at most {@code Σ_k |G_ik| / 8} ({@code max|σ'''| = 1/8}). The forward's rounding: the outputs of
     * row i within {@link Tolerance#softmax}, at both points. The analytic gradient: {@link Tolerance#softmaxBackward}
     * plus what the forward's rounding of the outputs it is computed from changes.
     */
    void softmax(int rows, int classes) {
        int n = rows * classes;
        double[] x = grid(n, 0, 3);
        double[] g = grid(n, 0, 1);
        try (Softmax layer = new Softmax(); Tensor input = backend.fromArray(F, x, Shape.of(rows, classes));
             Tensor upstream = backend.fromArray(F, g, Shape.of(rows, classes))) {
            layer.forward(input, true);
            double[] analytic = layer.backward(upstream, true).toDoubleArray();
            for (int e = 0; e < n; e++) {
                int base = e / classes * classes;
                double[] y = ReferenceMath.softmax(x, base, classes);
                double s = 0;
                double dotOfAbs = 0;
                double gAbs = 0;
                double outputErrors = 0;
                for (int k = 0; k < classes; k++) {
                    s += y[k] * g[base + k];
                    dotOfAbs += Math.abs(y[k] * g[base + k]);
                    gAbs += Math.abs(g[base + k]);
                    outputErrors += Math.abs(g[base + k]) * tol.softmax(classes, y[k]);
                }
                int j = e - base;
                double numeric = difference(x, e, ACTIVATION_STEP, input, () -> objective(layer.forward(input, true), g));
                double forward = 0;
                for (double h : new double[] {ACTIVATION_STEP, -ACTIVATION_STEP}) {
                    double[] moved = x.clone();
                    moved[e] += h;
                    double[] ym = ReferenceMath.softmax(moved, base, classes);
                    for (int k = 0; k < classes; k++) {
                        forward += tol.softmax(classes, ym[k]) * Math.abs(g[base + k]);
                    }
                }
                forward /= 2 * ACTIVATION_STEP;
                double truncation = ACTIVATION_STEP * ACTIVATION_STEP * gAbs / 8 / 6;
                double fromOutputs = Math.abs(g[e] - s) * tol.softmax(classes, y[j]) + Math.abs(y[j]) * outputErrors;
                double bound = tol.softmaxBackward(classes, y[j], g[e], s, dotOfAbs) + fromOutputs + forward + truncation;
                check("softmax input", e, analytic[e], numeric, bound);
            }
        }
    }

    /**
     * Dropout at rate 0.5, whose mask is 0 or exactly 2: the forward pass is exact in float and linear, so the central
     * difference equals the mask times G; the gradient must be exactly that.
     */
    void dropout() {
        int n = 48;
        double[] x = grid(n, 0, 2);
        double[] g = grid(n, 0, 1);
        try (Dropout layer = new Dropout(0.5, 3); Tensor input = backend.fromArray(F, x, Shape.of(6, 8));
             Tensor upstream = backend.fromArray(F, g, Shape.of(6, 8))) {
            layer.beginTrainingStep(11);
            layer.forward(input, true);
            double[] analytic = layer.backward(upstream, true).toDoubleArray();
            for (int i = 0; i < n; i++) {
                double numeric = difference(x, i, DENSE_STEP, input, () -> objective(layer.forward(input, true), g));
                double mask = ReferenceMath.dropoutKeeps(3, 11, i, 0.5) ? 2 : 0;
                check("dropout input", i, analytic[i], numeric, 0);
                check("dropout input against the rule", i, analytic[i], mask * g[i], 0);
            }
        }
    }

    private static double[] diff(double[] p, double[] t) {
        double[] d = new double[p.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = p[i] - t[i];
        }
        return d;
    }
}
