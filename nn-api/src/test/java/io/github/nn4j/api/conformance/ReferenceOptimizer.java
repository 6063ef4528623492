package io.github.nn4j.api.conformance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * The updates of SGD (with and without momentum) and Adam, written from their published definitions, as bounded
 * values ({@link BoundedOps}) in the order of element-wise operations a backend is asked for. State (velocity,
 * moments) is kept per parameter index, with its bounds, across steps.
 *
 * <p>The shared settings, each from its own definition: a learning-rate schedule (a factor of the base rate per step,
 * given as a formula by the test), weight decay (for SGD the gradient of the penalty {@code λ/2 ‖w‖²}, applied as
 * {@code (1 − lr λ) w} without momentum and {@code − lr λ w} in the velocity with it; for Adam decoupled, AdamW's
 * {@code w ← (1 − lr λ) w} before the update), and clipping by the global norm of all gradients (Pascanu et al.: the
 * update uses {@code g · c / ‖g‖} when {@code ‖g‖ > c}). The clipping factor and the scheduled rate carry bounds of
 * their own, from the gradients' bounds and from the rounding of the reference's formulas.
 */
abstract class ReferenceOptimizer {
    /**
     * Relative distance between the reference's scheduled learning rate and an implementation's: a cosine within 1
     * double ulp on either side (StrictMath, Math), and a few roundings of products and sums around it.
     */
    private static final double SCHEDULE_ERROR = 8 * 0x1p-53;

    private final double learningRate;
    private LongToDoubleFunction schedule = t -> 1;
    private double weightDecay;
    private double clipNorm = Double.POSITIVE_INFINITY;
    private long steps;
    /** The scheduled learning rate of the current step, and its bound. */
    double rate;
    double rateError;
    /** The clipping factor of the current step's gradients (1 without clipping), and its bound. */
    double scale = 1;
    double scaleError;

    private ReferenceOptimizer(double learningRate) {
        this.learningRate = learningRate;
    }

    /** With a schedule: step {@code t} (from 0) uses {@code learningRate · factor(t)}. */
    ReferenceOptimizer schedule(LongToDoubleFunction factor) {
        this.schedule = factor;
        return this;
    }

    /** With weight decay {@code λ}. */
    ReferenceOptimizer weightDecay(double lambda) {
        this.weightDecay = lambda;
        return this;
    }

    /** With clipping of the gradients' global norm at {@code c}. */
    ReferenceOptimizer clipNorm(double c) {
        this.clipNorm = c;
        return this;
    }

    double weightDecay() {
        return weightDecay;
    }

    /** The number of this step, from 1. */
    long step() {
        return steps;
    }

    /**
     * Called once per step with every parameter's gradient, before the parameters are updated: the step's learning
     * rate and clipping factor.
     */
    void beginStep(BoundedOps ops, List<Bounded> gradients) {
        rate = learningRate * schedule.applyAsDouble(steps);
        rateError = SCHEDULE_ERROR * rate;
        steps++;
        scale = 1;
        scaleError = 0;
        if (clipNorm == Double.POSITIVE_INFINITY) {
            return;
        }
        double squares = 0;
        double errorSquares = 0;
        int count = 0;
        for (Bounded g : gradients) {
            for (int i = 0; i < g.size(); i++) {
                squares += g.v()[i] * g.v()[i];
                errorSquares += g.e()[i] * g.e()[i];
            }
            count += g.size();
        }
        double norm = Math.sqrt(squares);
        // ‖g'‖ - ‖g‖ <= ‖g' - g‖ <= sqrt(Σ e²); the backend's sums of squares in double (γ(n)), a sqrt, the reference's own
        double normError = Math.sqrt(errorSquares) + (Tolerance.sum(count + gradients.size(), 1) + 3 * 0x1p-53)
                * (norm + Math.sqrt(errorSquares));
        // s(N) = min(1, c/N) changes by at most c / x² per unit of N on the interval [N - δ, N + δ], x >= max(c, N - δ)
        double nearest = Math.max(clipNorm, norm - normError);
        scaleError = clipNorm / (nearest * nearest) * normError;
        if (norm > clipNorm) {
            scale = clipNorm / norm;
            scaleError += 2 * 0x1p-53 * scale; // the division, here and in the implementation
        }
    }

    /** The updated value of parameter {@code index}, whose current value {@code w} the backend holds exactly. */
    abstract Bounded update(BoundedOps ops, int index, double[] w, Bounded gradient);

    static Bounded exact(double[] w, Bounded shape) {
        return Bounded.exact(w, shape.rows(), shape.cols());
    }

    /** {@code w ← (1 − lr λ) w − lr g}. */
    static ReferenceOptimizer sgd(double learningRate) {
        return new ReferenceOptimizer(learningRate) {
            @Override
            Bounded update(BoundedOps ops, int index, double[] w, Bounded g) {
                Bounded decayed = exact(w, g);
                if (weightDecay() != 0) {
                    decayed = ops.scaled(decayed, 1 - rate * weightDecay(), rateError * weightDecay());
                }
                return ops.axpy(decayed, -rate * scale, rate * scaleError + rateError * scale, g);
            }
        };
    }

    /** Classical momentum: {@code v ← μ v − lr g − lr λ w; w ← w + v}. */
    static ReferenceOptimizer momentum(double learningRate, double momentum) {
        Map<Integer, Bounded> velocity = new HashMap<>();
        return new ReferenceOptimizer(learningRate) {
            @Override
            Bounded update(BoundedOps ops, int index, double[] w, Bounded g) {
                Bounded v = velocity.getOrDefault(index, Bounded.zeros(g.rows(), g.cols()));
                v = ops.axpy(ops.scaled(v, momentum), -rate * scale, rate * scaleError + rateError * scale, g);
                if (weightDecay() != 0) {
                    v = ops.axpy(v, -rate * weightDecay(), rateError * weightDecay(), exact(w, g));
                }
                velocity.put(index, v);
                return ops.add(exact(w, g), v);
            }
        };
    }

    /**
     * Adam (Kingma and Ba, 2015): {@code m ← β1 m + (1−β1) g}, {@code v ← β2 v + (1−β2) g²},
     * {@code w ← w − lr/(1−β1^t) · m / (sqrt(v)/sqrt(1−β2^t) + ε)}; weight decay as AdamW,
     * {@code w ← (1 − lr λ) w} first.
     */
    static ReferenceOptimizer adam(double learningRate, double beta1, double beta2, double epsilon) {
        Map<Integer, Bounded[]> moments = new HashMap<>();
        return new ReferenceOptimizer(learningRate) {
            @Override
            Bounded update(BoundedOps ops, int index, double[] w, Bounded g) {
                Bounded[] s = moments.computeIfAbsent(index,
                        k -> new Bounded[] {Bounded.zeros(g.rows(), g.cols()), Bounded.zeros(g.rows(), g.cols())});
                double squareScaleError = 2 * scale * scaleError + scaleError * scaleError;
                Bounded m = ops.axpy(ops.scaled(s[0], beta1), (1 - beta1) * scale, (1 - beta1) * scaleError, g);
                Bounded v = ops.axpy(ops.scaled(s[1], beta2), (1 - beta2) * scale * scale,
                        (1 - beta2) * squareScaleError, ops.square(g));
                s[0] = m;
                s[1] = v;
                long t = step();
                double stepSize = rate / (1 - StrictMath.pow(beta1, t));
                double stepSizeError = rateError / (1 - StrictMath.pow(beta1, t));
                double secondCorrection = 1 / StrictMath.sqrt(1 - StrictMath.pow(beta2, t));
                Bounded denominator = ops.plus(ops.scaled(ops.sqrt(v), secondCorrection), epsilon);
                Bounded decayed = exact(w, g);
                if (weightDecay() != 0) {
                    decayed = ops.scaled(decayed, 1 - rate * weightDecay(), rateError * weightDecay());
                }
                return ops.axpy(decayed, -stepSize, stepSizeError, ops.divide(m, denominator));
            }
        };
    }
}
