package io.github.nn4j.api.conformance;

import io.github.nn4j.api.conformance.Tolerance.ElementFunction;
import io.github.nn4j.api.tensor.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * One training step of a sequential network of dense layers and activations under squared error, computed
 * independently of nn-api's layers, losses and optimizers (plain loops over double arrays, {@link ReferenceMath} for
 * the functions), together with a bound of how far a backend's FLOAT32 or FLOAT64 step may be from it: running error
 * analysis (Higham, ch. 3), every operation of the step adding its own rounding from {@link Tolerance} to the errors
 * it inherits, to first order and with the second-order products kept where they appear.
 *
 * <p>How a backend's step is compared: it starts from parameters read from the backend (so both start from the same
 * numbers, and errors never accumulate over steps), the reference computes the loss, every parameter gradient and
 * every updated parameter with its bound, and each of the backend's values must lie within. Optimizer state
 * (momentum, Adam's moments) cannot be read from the backend; the reference carries its own, with its bounds.
 *
 * <p>The operations modelled are those nn-api's {@code Dense}, activation layers, {@code MeanSquaredError}, {@code Sgd}
 * and {@code Adam} ask of a backend: a GEMM and a row-vector add forward, the activation and its derivative, a
 * subtraction, a sum of squares and a scaling for the loss, two GEMMs and a column sum backward, and the optimizers'
 * element-wise updates.
 */
final class ReferenceNetwork {
    /** The largest |σ''| (at x = ±ln(2 + √3)): 1 / (6√3). */
    private static final double SIGMOID_SECOND_DERIVATIVE_MAX = 0.0963;
    /** The largest |tanh''| (at x = ±atanh(1/√3)): 4 / (3√3). */
    private static final double TANH_SECOND_DERIVATIVE_MAX = 0.7699;
    /** Rounding of the reference's own double arithmetic, per operation, relative to the result. */
    static final double REFERENCE_ROUNDING = 4 * 0x1p-53;

    /** A layer of the network. */
    sealed interface Layer permits Dense, ActivationLayer {
    }

    /** {@code y = x W + b}, {@code W} {@code [inputs, outputs]}, {@code b} {@code [1, outputs]}: two parameters. */
    record Dense(int inputs, int outputs) implements Layer {
    }

    /** An element-wise activation (the enum names the function; its math comes from {@link ReferenceMath}). */
    record ActivationLayer(Activation function) implements Layer {
    }

    /** The reference's result of one step: the batch loss, each parameter's gradient, each updated parameter. */
    record Step(double loss, double lossBound, List<Bounded> gradients, List<Bounded> updated) {
    }

    private final Tolerance tol;
    private final BoundedOps ops;
    private final List<Layer> layers;
    private final boolean perElementLoss;

    /**
     * @param perElementLoss squared error averaged over every element (else summed per sample and averaged over the
     *                       batch, nn-api's default)
     */
    ReferenceNetwork(Tolerance tol, List<Layer> layers, boolean perElementLoss) {
        this.tol = tol;
        this.ops = new BoundedOps(tol);
        this.layers = List.copyOf(layers);
        this.perElementLoss = perElementLoss;
    }

    /**
     * One step from {@code params} (each dense layer's weight then bias, as the backend holds them) on the batch
     * {@code x} {@code [batch, inputs]} with targets {@code t}, updating with {@code optimizer}.
     */
    Step step(List<double[]> params, double[] x, double[] t, int batch, ReferenceOptimizer optimizer) {
        List<Bounded> inputs = new ArrayList<>();
        List<Bounded> outputs = new ArrayList<>();
        Bounded a = forward(params, x, batch, inputs, outputs);
        int p = params.size();

        // loss: d = p - t; L = Σd² / divisor; g = (2 / divisor) d
        double divisor = perElementLoss ? a.size() : batch;
        Bounded diff = Bounded.zeros(a.rows(), a.cols());
        double cross = 0;
        double squares = 0;
        for (int i = 0; i < a.size(); i++) {
            diff.v()[i] = a.v()[i] - t[i];
            diff.e()[i] = a.e()[i] + ops.rounded(Math.abs(diff.v()[i]) + a.e()[i]);
            cross += 2 * Math.abs(diff.v()[i]) * diff.e()[i] + diff.e()[i] * diff.e()[i];
            squares += diff.reach(i) * diff.reach(i);
        }
        double loss = ReferenceMath.sumOfSquares(diff.v()) / divisor;
        double lossBound = (cross + Tolerance.sum(a.size() + 1, squares)) / divisor + 2 * REFERENCE_ROUNDING * loss;
        Bounded g = ops.scaled(diff, 2 / divisor);

        // backward
        List<Bounded> gradients = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            gradients.add(null);
        }
        for (int l = layers.size() - 1; l >= 0; l--) {
            Layer layer = layers.get(l);
            if (layer instanceof Dense d) {
                p -= 2;
                Bounded in = inputs.get(l);
                gradients.set(p, weightGradient(in, g));
                gradients.set(p + 1, biasGradient(g));
                g = l > 0 ? inputGradient(g, params.get(p), d.inputs()) : null;
            } else {
                g = activationBackward(((ActivationLayer) layer).function(), inputs.get(l), outputs.get(l), g);
            }
        }

        optimizer.beginStep(ops, gradients);
        List<Bounded> updated = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            updated.add(optimizer.update(ops, i, params.get(i), gradients.get(i)));
        }
        return new Step(loss, lossBound, gradients, updated);
    }

    // ------------------------------------------------------------------------------------ forward

    /** The network's output for the inputs {@code x} {@code [batch, inputs]}, with its bound. */
    Bounded forward(List<double[]> params, double[] x, int batch) {
        return forward(params, x, batch, new ArrayList<>(), new ArrayList<>());
    }

    /** The forward pass, recording each layer's input and output. */
    private Bounded forward(List<double[]> params, double[] x, int batch, List<Bounded> inputs, List<Bounded> outputs) {
        Bounded a = Bounded.exact(x, batch, x.length / batch);
        int p = 0;
        for (Layer layer : layers) {
            inputs.add(a);
            if (layer instanceof Dense d) {
                a = denseForward(a, params.get(p), params.get(p + 1), d.outputs());
                p += 2;
            } else {
                a = activationForward(((ActivationLayer) layer).function(), a);
            }
            outputs.add(a);
        }
        return a;
    }

    private Bounded denseForward(Bounded a, double[] w, double[] b, int n) {
        int m = a.rows();
        int k = a.cols();
        Bounded y = Bounded.zeros(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double scale = 0;
                double inherited = 0;
                for (int q = 0; q < k; q++) {
                    scale += a.reach(i * k + q) * Math.abs(w[q * n + j]);
                    inherited += a.e()[i * k + q] * Math.abs(w[q * n + j]);
                }
                double z = ReferenceMath.dot(a.v(), i * k, 1, w, j, n, k);
                double ez = tol.dot(k, scale) + inherited + REFERENCE_ROUNDING * scale;
                int o = i * n + j;
                y.v()[o] = z + b[j];
                y.e()[o] = ez + ops.rounded(Math.abs(y.v()[o]) + ez); // the row-vector add: one rounding
            }
        }
        return y;
    }

    private Bounded activationForward(Activation f, Bounded z) {
        Bounded y = Bounded.zeros(z.rows(), z.cols());
        for (int i = 0; i < z.size(); i++) {
            double x = z.v()[i];
            double ex = z.e()[i];
            switch (f) {
                case IDENTITY:
                    y.v()[i] = x;
                    y.e()[i] = ex;
                    break;
                case RELU: // exact on the backend's input, 1-Lipschitz
                    y.v()[i] = ReferenceMath.relu(x);
                    y.e()[i] = x + ex > 0 ? ex : 0;
                    break;
                case SIGMOID:
                case TANH: {
                    ElementFunction budget = f == Activation.SIGMOID ? ElementFunction.SIGMOID : ElementFunction.TANH;
                    double value = f == Activation.SIGMOID ? ReferenceMath.sigmoid(x) : ReferenceMath.tanh(x);
                    double inherited = lipschitz(f, x, ex) * ex;
                    y.v()[i] = value;
                    y.e()[i] = inherited + tol.ulps(Math.abs(value) + inherited, budget.ulps(tol.dtype()))
                            + REFERENCE_ROUNDING * Math.abs(value);
                    break;
                }
                default:
                    throw new AssertionError("no reference for " + f);
            }
        }
        return y;
    }

    /** The largest |f'| on {@code [x - e, x + e]}: sigmoid' and tanh' fall with |x|. */
    private static double lipschitz(Activation f, double x, double e) {
        double nearest = x - e <= 0 && x + e >= 0 ? 0 : Math.min(Math.abs(x - e), Math.abs(x + e));
        return f == Activation.SIGMOID ? ReferenceMath.sigmoidDerivative(nearest) : ReferenceMath.tanhDerivative(nearest);
    }

    // ------------------------------------------------------------------------------------ backward

    /**
     * {@code dx = f'(x) dy}. The backend may take the derivative from its stored output {@code y} ({@code y(1-y)},
     * {@code 1-y²}: off by {@code |h'(y)|} times y's error) or from its input x (off by {@code max|f''|} times x's
     * error); the bound allows either.
     */
    private Bounded activationBackward(Activation f, Bounded x, Bounded y, Bounded dy) {
        Bounded dx = Bounded.zeros(dy.rows(), dy.cols());
        for (int i = 0; i < dy.size(); i++) {
            double xv = x.v()[i];
            double xe = x.e()[i];
            switch (f) {
                case IDENTITY:
                    dx.v()[i] = dy.v()[i];
                    dx.e()[i] = dy.e()[i];
                    break;
                case RELU:
                    dx.v()[i] = xv > 0 ? dy.v()[i] : 0;
                    if (xv - xe > 0) {
                        dx.e()[i] = dy.e()[i];
                    } else if (xv + xe <= 0) {
                        dx.e()[i] = 0;
                    } else { // the backend's input may be on either side of the kink
                        dx.e()[i] = dy.reach(i);
                    }
                    break;
                case SIGMOID:
                case TANH: {
                    boolean sigmoid = f == Activation.SIGMOID;
                    double d = sigmoid ? ReferenceMath.sigmoidDerivative(xv) : ReferenceMath.tanhDerivative(xv);
                    double slope = sigmoid ? 1 : 2 * y.reach(i);
                    double secondDerivative = sigmoid ? SIGMOID_SECOND_DERIVATIVE_MAX : TANH_SECOND_DERIVATIVE_MAX;
                    double derivativeError = slope * y.e()[i] + secondDerivative * xe
                            + Tolerance.REFERENCE_DERIVATIVE_ERROR * Math.abs(d);
                    double reach = (Math.abs(d) + derivativeError) * dy.reach(i);
                    dx.v()[i] = d * dy.v()[i];
                    dx.e()[i] = Math.abs(d) * dy.e()[i] + dy.reach(i) * derivativeError + tol.gamma(3) * reach
                            + tol.underflow(reach);
                    break;
                }
                default:
                    throw new AssertionError("no reference for " + f);
            }
        }
        return dx;
    }

    /** {@code dW = xᵀ dy}: a GEMM with inner dimension {@code batch} on two inexact operands. */
    private Bounded weightGradient(Bounded x, Bounded dy) {
        int m = x.rows();
        int k = x.cols();
        int n = dy.cols();
        Bounded dw = Bounded.zeros(k, n);
        for (int q = 0; q < k; q++) {
            for (int j = 0; j < n; j++) {
                double scale = 0;
                double inherited = 0;
                for (int i = 0; i < m; i++) {
                    double a = Math.abs(x.v()[i * k + q]);
                    double ea = x.e()[i * k + q];
                    double g = Math.abs(dy.v()[i * n + j]);
                    double eg = dy.e()[i * n + j];
                    scale += (a + ea) * (g + eg);
                    inherited += ea * g + a * eg + ea * eg;
                }
                dw.v()[q * n + j] = ReferenceMath.dot(x.v(), q, k, dy.v(), j, n, m);
                dw.e()[q * n + j] = tol.dot(m, scale) + inherited + REFERENCE_ROUNDING * scale;
            }
        }
        return dw;
    }

    /** {@code db = column sums of dy}. */
    private Bounded biasGradient(Bounded dy) {
        int m = dy.rows();
        int n = dy.cols();
        Bounded db = Bounded.zeros(1, n);
        for (int j = 0; j < n; j++) {
            double inherited = 0;
            double scale = 0;
            for (int i = 0; i < m; i++) {
                inherited += dy.e()[i * n + j];
                scale += dy.reach(i * n + j);
            }
            db.v()[j] = ReferenceMath.sum(dy.v(), j, m, n);
            db.e()[j] = inherited + tol.sumAlong(m, scale) + REFERENCE_ROUNDING * scale;
        }
        return db;
    }

    /** {@code dx = dy Wᵀ}: a GEMM with inner dimension {@code outputs}; W is exact. */
    private Bounded inputGradient(Bounded dy, double[] w, int inputs) {
        int m = dy.rows();
        int n = dy.cols();
        Bounded dx = Bounded.zeros(m, inputs);
        for (int i = 0; i < m; i++) {
            for (int q = 0; q < inputs; q++) {
                double scale = 0;
                double inherited = 0;
                for (int j = 0; j < n; j++) {
                    scale += dy.reach(i * n + j) * Math.abs(w[q * n + j]);
                    inherited += dy.e()[i * n + j] * Math.abs(w[q * n + j]);
                }
                dx.v()[i * inputs + q] = ReferenceMath.dot(dy.v(), i * n, 1, w, q * n, 1, n);
                dx.e()[i * inputs + q] = tol.dot(n, scale) + inherited + REFERENCE_ROUNDING * scale;
            }
        }
        return dx;
    }
}
