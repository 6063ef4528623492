package io.github.nn4j.api.conformance;

import java.util.HashMap;
import java.util.Map;

/**
 * The updates of SGD (with and without momentum) and Adam, written from their published definitions, as bounded
 * values ({@link BoundedOps}) in the order of element-wise operations a backend is asked for. State (velocity,
 * moments) is kept per parameter index, with its bounds, across steps.
 */
abstract class ReferenceOptimizer {

    /** Called once per step, before the parameters are updated. */
    void beginStep() {
    }

    /** The updated value of parameter {@code index}, whose current value {@code w} the backend holds exactly. */
    abstract Bounded update(BoundedOps ops, int index, double[] w, Bounded gradient);

    private static Bounded exact(double[] w, Bounded shape) {
        return Bounded.exact(w, shape.rows(), shape.cols());
    }

    /** {@code w ← w − lr g}. */
    static ReferenceOptimizer sgd(double learningRate) {
        return new ReferenceOptimizer() {
            @Override
            Bounded update(BoundedOps ops, int index, double[] w, Bounded g) {
                return ops.axpy(exact(w, g), -learningRate, g);
            }
        };
    }

    /** Classical momentum: {@code v ← μ v − lr g; w ← w + v}. */
    static ReferenceOptimizer momentum(double learningRate, double momentum) {
        Map<Integer, Bounded> velocity = new HashMap<>();
        return new ReferenceOptimizer() {
            @Override
            Bounded update(BoundedOps ops, int index, double[] w, Bounded g) {
                Bounded v = velocity.getOrDefault(index, Bounded.zeros(g.rows(), g.cols()));
                v = ops.axpy(ops.scaled(v, momentum), -learningRate, g);
                velocity.put(index, v);
                return ops.add(exact(w, g), v);
            }
        };
    }

    /**
     * Adam (Kingma and Ba, 2015): {@code m ← β1 m + (1−β1) g}, {@code v ← β2 v + (1−β2) g²},
     * {@code w ← w − lr/(1−β1^t) · m / (sqrt(v)/sqrt(1−β2^t) + ε)}.
     */
    static ReferenceOptimizer adam(double learningRate, double beta1, double beta2, double epsilon) {
        Map<Integer, Bounded[]> moments = new HashMap<>();
        return new ReferenceOptimizer() {
            private int t;

            @Override
            void beginStep() {
                t++;
            }

            @Override
            Bounded update(BoundedOps ops, int index, double[] w, Bounded g) {
                Bounded[] s = moments.computeIfAbsent(index,
                        k -> new Bounded[] {Bounded.zeros(g.rows(), g.cols()), Bounded.zeros(g.rows(), g.cols())});
                Bounded m = ops.axpy(ops.scaled(s[0], beta1), 1 - beta1, g);
                Bounded v = ops.axpy(ops.scaled(s[1], beta2), 1 - beta2, ops.square(g));
                s[0] = m;
                s[1] = v;
                double stepSize = learningRate / (1 - StrictMath.pow(beta1, t));
                double secondCorrection = 1 / StrictMath.sqrt(1 - StrictMath.pow(beta2, t));
                Bounded denominator = ops.plus(ops.scaled(ops.sqrt(v), secondCorrection), epsilon);
                return ops.axpy(exact(w, g), -stepSize, ops.divide(m, denominator));
            }
        };
    }
}
