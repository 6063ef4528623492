package io.github.nn4j.api.gradcheck;

import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.loss.Loss;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Checks analytic gradients against central finite differences {@code (f(x+ε) − f(x−ε)) / 2ε} in FLOAT64.
 *
 * <p>For a layer, the scalar objective is {@code f = Σ forward(x) ⊙ G} with a fixed random {@code G}, so
 * {@code backward(G)} must return {@code df/dx} and set {@code df/dθ} for every parameter. For a loss, the
 * objective is the loss value itself. The error measure is
 * {@code |analytic − numeric| / max(1, |analytic| + |numeric|)}: relative for large derivatives, absolute for
 * small ones. Elements where the function has a kink (ReLU at 0) give spurious errors: keep inputs away from
 * kinks.
 *
 * <p>Tensors larger than {@link #maxElementsPerTensor(int)} are checked on an evenly spaced subset.
 * Instances are immutable configuration; a check modifies the layer's parameters temporarily (restoring them)
 * and must not run concurrently with other use of the layer.
 */
public final class GradientChecker {
    /**
     * The perturbation of {@link #standard()}: for functions of order 1, central differences err by about
     * {@code ε² |f⁽³⁾| / 6} (1e-13) from truncation and {@code u |f| / ε} (1e-10, u = 2^-53) from rounding, far below
     * the tolerance.
     */
    public static final double STANDARD_EPSILON = 1e-6;
    /** The pass/fail bound of {@link #standard()} on the error measure described above. */
    public static final double STANDARD_TOLERANCE = 1e-6;
    /** How many elements of each tensor {@link #standard()} perturbs at most (each costs two forward passes). */
    public static final int STANDARD_MAX_ELEMENTS = 400;
    /** The seed of {@link #standard()}'s random upstream gradient. */
    public static final long STANDARD_SEED = 1;

    private final double epsilon;
    private final double tolerance;
    private final int maxElements;
    private final long seed;

    private GradientChecker(double epsilon, double tolerance, int maxElements, long seed) {
        this.epsilon = epsilon;
        this.tolerance = tolerance;
        this.maxElements = maxElements;
        this.seed = seed;
    }

    /**
     * ε = {@value #STANDARD_EPSILON}, tolerance {@value #STANDARD_TOLERANCE}, at most {@value #STANDARD_MAX_ELEMENTS}
     * elements per tensor, seed {@value #STANDARD_SEED}.
     *
     * @return a checker with those settings
     */
    public static GradientChecker standard() {
        return new GradientChecker(STANDARD_EPSILON, STANDARD_TOLERANCE, STANDARD_MAX_ELEMENTS, STANDARD_SEED);
    }

    /**
     * {@return a copy with another perturbation size ε}
     *
     * @param epsilon the perturbation size ε, positive
     */
    public GradientChecker epsilon(double epsilon) {
        return new GradientChecker(epsilon, tolerance, maxElements, seed);
    }

    /**
     * {@return a copy with another pass/fail tolerance}
     *
     * @param tolerance the largest error that passes
     */
    public GradientChecker tolerance(double tolerance) {
        return new GradientChecker(epsilon, tolerance, maxElements, seed);
    }

    /**
     * {@return a copy that perturbs at most this many elements of each tensor}
     *
     * @param maxElements the most elements checked per tensor, at least 1
     */
    public GradientChecker maxElementsPerTensor(int maxElements) {
        return new GradientChecker(epsilon, tolerance, maxElements, seed);
    }

    /**
     * {@return a copy with another seed for the random upstream gradient {@code G}}
     *
     * @param seed the seed of {@code G}
     */
    public GradientChecker seed(long seed) {
        return new GradientChecker(epsilon, tolerance, maxElements, seed);
    }

    /**
     * Checks the input gradient and every parameter gradient of {@code layer} at {@code input} (FLOAT64).
     *
     * @param layer the layer, in FLOAT64
     * @param input a FLOAT64 input batch
     * @return one entry per checked tensor (the input and each parameter) with its largest error
     */
    public GradientCheckResult checkLayer(Layer layer, Tensor input) {
        requireFloat64("input", input);
        for (Parameter p : layer.parameters()) {
            requireFloat64(p.name(), p.value());
        }
        Tensor probe = layer.forward(input, true);
        double[] upstream = new double[probe.size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < upstream.length; i++) {
            upstream[i] = random.nextDouble(-1, 1);
        }
        List<GradientCheckResult.Entry> entries = new ArrayList<>();
        try (Tensor g = input.backend().fromArray(upstream, probe.shape())) {
            Tensor dx = layer.backward(g, true);
            if (dx == null) {
                throw new IllegalStateException(layer + ": backward returned null although the input gradient was requested");
            }
            double[] analyticInput = dx.toDoubleArray();
            List<double[]> analyticParams = new ArrayList<>();
            for (Parameter p : layer.parameters()) {
                analyticParams.add(p.gradient().toDoubleArray());
            }
            DoubleSupplier objective = () -> {
                Tensor y = layer.forward(input, true);
                try (Tensor prod = y.mul(g)) {
                    return prod.sum();
                }
            };
            entries.add(compare("input", input, analyticInput, objective));
            List<Parameter> ps = layer.parameters();
            for (int i = 0; i < ps.size(); i++) {
                entries.add(compare(ps.get(i).name(), ps.get(i).value(), analyticParams.get(i), objective));
            }
        }
        return new GradientCheckResult(entries, tolerance);
    }

    /**
     * Checks the gradient of {@code loss} with respect to {@code prediction} (FLOAT64), and that both entry points
     * agree on the value.
     *
     * @param loss the loss
     * @param prediction a FLOAT64 prediction
     * @param target a FLOAT64 target of the same shape
     * @return the check of the prediction gradient and of the two entry points' values
     */
    public GradientCheckResult checkLoss(Loss loss, Tensor prediction, Tensor target) {
        requireFloat64("prediction", prediction);
        requireFloat64("target", target);
        List<GradientCheckResult.Entry> entries = new ArrayList<>();
        try (Tensor grad = prediction.backend().zeros(prediction.dtype(), prediction.shape())) {
            double fused = loss.valueAndGradient(prediction, target, grad);
            double plain = loss.value(prediction, target);
            double valueError = Math.abs(fused - plain) / Math.max(1, Math.abs(fused) + Math.abs(plain));
            entries.add(new GradientCheckResult.Entry("value vs valueAndGradient", 1, valueError, 0, fused, plain));
            entries.add(compare("prediction", prediction, grad.toDoubleArray(), () -> loss.value(prediction, target)));
        }
        return new GradientCheckResult(entries, tolerance);
    }

    private GradientCheckResult.Entry compare(String name, Tensor x, double[] analytic, DoubleSupplier f) {
        double[] values = x.toDoubleArray();
        int n = values.length;
        int count = Math.min(n, maxElements);
        double worst = -1;
        int worstIndex = 0;
        double worstAnalytic = 0;
        double worstNumeric = 0;
        for (int c = 0; c < count; c++) {
            int i = (int) ((long) c * n / count);
            double original = values[i];
            values[i] = original + epsilon;
            x.copyFrom(values);
            double plus = f.getAsDouble();
            values[i] = original - epsilon;
            x.copyFrom(values);
            double minus = f.getAsDouble();
            values[i] = original;
            x.copyFrom(values);
            double numeric = (plus - minus) / (2 * epsilon);
            double error = Math.abs(analytic[i] - numeric) / Math.max(1, Math.abs(analytic[i]) + Math.abs(numeric));
            if (Double.isNaN(error)) {
                error = Double.POSITIVE_INFINITY;
            }
            if (error > worst) {
                worst = error;
                worstIndex = i;
                worstAnalytic = analytic[i];
                worstNumeric = numeric;
            }
        }
        return new GradientCheckResult.Entry(name, count, Math.max(worst, 0), worstIndex, worstAnalytic, worstNumeric);
    }

    private static void requireFloat64(String what, Tensor t) {
        if (t.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("gradient checks need FLOAT64 tensors; " + what + " is " + t.dtype()
                    + " " + t.shape());
        }
    }
}
