package io.github.nn4j.api.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Random;

/**
 * The conformance checks of the probability operations ({@code softmax} and its gradient, the softmax and binary
 * cross-entropies on logits) and of dropout masks, run by {@link TensorConformanceTest} on every backend: values
 * against {@link ReferenceMath} within the bounds of {@link Tolerance}, logits far beyond {@code exp}'s range, the
 * masks bit for bit against the rule, and the errors for bad arguments.
 */
final class ProbabilityChecks {
    private final Backend be;
    private final DType dtype;
    private final Tolerance tol;
    private final Random random = new Random(91);

    ProbabilityChecks(Backend be, DType dtype) {
        this.be = be;
        this.dtype = dtype;
        this.tol = Tolerance.of(dtype);
    }

    private static void within(String what, int i, double actual, double expected, double bound) {
        if (!Tolerance.within(actual, expected, bound)) {
            fail(what + ": element " + i + " is " + actual + ", expected " + expected + " within " + bound + " (off by "
                    + Math.abs(actual - expected) + ")");
        }
    }

    /** Logits in [-8, 8], with the first row holding magnitudes far beyond exp's range when the row is long enough. */
    private double[] logits(int rows, int cols) {
        double[] z = Inputs.uniform(random, dtype, rows * cols, -8, 8);
        if (cols >= 3) {
            z[0] = 1000;
            z[1] = -1000;
            z[2] = 999.5;
        }
        return z;
    }

    /** Softmax of every row, in a separate output and in place. */
    void softmax(int rows, int cols) {
        double[] z = logits(rows, cols);
        String what = "softmax " + dtype + " [" + rows + ", " + cols + "]";
        try (Tensor x = be.fromArray(dtype, z, Shape.of(rows, cols)); Tensor y = be.zeros(dtype, Shape.of(rows, cols))) {
            be.softmax(x, y);
            double[] got = y.toDoubleArray();
            be.softmax(x, x);
            double[] inPlace = x.toDoubleArray();
            for (int i = 0; i < rows; i++) {
                double[] expected = ReferenceMath.softmax(z, i * cols, cols);
                for (int j = 0; j < cols; j++) {
                    int e = i * cols + j;
                    double bound = tol.softmax(cols, expected[j]);
                    within(what, e, got[e], expected[j], bound);
                    within(what + " in place", e, inPlace[e], expected[j], bound);
                }
            }
        }
    }

    /** The softmax gradient from the outputs, into a separate tensor and into {@code dy}. */
    void softmaxBackward(int rows, int cols) {
        double[] z = logits(rows, cols);
        double[] g = Inputs.uniform(random, dtype, rows * cols, -1, 1);
        String what = "softmax backward " + dtype + " [" + rows + ", " + cols + "]";
        try (Tensor x = be.fromArray(dtype, z, Shape.of(rows, cols)); Tensor y = be.zeros(dtype, Shape.of(rows, cols));
             Tensor dy = be.fromArray(dtype, g, Shape.of(rows, cols)); Tensor dx = be.zeros(dtype, Shape.of(rows, cols))) {
            be.softmax(x, y);
            double[] yv = y.toDoubleArray(); // the backend's outputs, exactly: the gradient's inputs
            be.softmaxBackward(y, dy, dx);
            double[] got = dx.toDoubleArray();
            be.softmaxBackward(y, dy, dy);
            double[] inPlace = dy.toDoubleArray();
            for (int i = 0; i < rows; i++) {
                int base = i * cols;
                double s = ReferenceMath.dot(yv, base, 1, g, base, 1, cols);
                double abs = ReferenceMath.dotOfAbs(yv, base, 1, g, base, 1, cols);
                for (int j = 0; j < cols; j++) {
                    int e = base + j;
                    double expected = yv[e] * (g[e] - s);
                    double bound = tol.softmaxBackward(cols, yv[e], g[e], s, abs);
                    within(what, e, got[e], expected, bound);
                    within(what + " into dy", e, inPlace[e], expected, bound);
                }
            }
        }
    }

    /** Softmax cross-entropy with labels, with one-hot rows and with soft targets: loss and gradient. */
    void softmaxCrossEntropy(int rows, int cols) {
        double[] z = logits(rows, cols);
        double[] labels = new double[rows];
        double[] oneHot = new double[rows * cols];
        double[] soft = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(cols);
            oneHot[i * cols + (int) labels[i]] = 1;
            double total = 0;
            for (int j = 0; j < cols; j++) {
                soft[i * cols + j] = random.nextInt(4); // small integers: exact in every dtype, sums exact
                total += soft[i * cols + j];
            }
            if (total == 0) {
                soft[i * cols] = 1;
            }
        }
        double scale = Inputs.stored(dtype, 1.0 / rows);
        checkCrossEntropy("labels", z, labels, Shape.of(rows, 1), rows, cols, scale);
        checkCrossEntropy("one-hot", z, oneHot, Shape.of(rows, cols), rows, cols, scale);
        checkCrossEntropy("soft targets", z, soft, Shape.of(rows, cols), rows, cols, -0.75);
    }

    private void checkCrossEntropy(String kind, double[] z, double[] t, Shape targetShape, int rows, int cols,
                                   double scale) {
        boolean labels = targetShape.dim(1) == 1 && cols > 1;
        String what = "softmaxCrossEntropy " + kind + " " + dtype + " [" + rows + ", " + cols + "]";
        try (Tensor logits = be.fromArray(dtype, z, Shape.of(rows, cols)); Tensor targets = be.fromArray(dtype, t, targetShape);
             Tensor gradient = be.full(dtype, Shape.of(rows, cols), Double.NaN)) {
            double loss = be.softmaxCrossEntropy(logits, targets, scale, gradient);
            double[] got = gradient.toDoubleArray();
            double expectedLoss = 0;
            double lossBound = 0;
            double lossMagnitude = 0;
            for (int i = 0; i < rows; i++) {
                int base = i * cols;
                double[] p = ReferenceMath.softmax(z, base, cols);
                double lse = ReferenceMath.logSumExp(z, base, cols);
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < cols; j++) {
                    max = Math.max(max, z[base + j]);
                }
                double weight = 0;
                double spread = 0;
                double rowLoss = 0;
                for (int j = 0; j < cols; j++) {
                    double tj = labels ? (j == (int) t[i] ? 1 : 0) : t[base + j];
                    weight += tj;
                    rowLoss += tj * (lse - z[base + j]);
                    spread += Math.abs(tj) * (Math.abs(lse - max) + Math.abs(z[base + j] - max));
                }
                expectedLoss += rowLoss;
                lossMagnitude += Math.abs(rowLoss);
                lossBound += tol.crossEntropyRow(cols, weight, lse, max, spread);
                for (int j = 0; j < cols; j++) {
                    double tj = labels ? (j == (int) t[i] ? 1 : 0) : t[base + j];
                    within(what + " gradient", base + j, got[base + j], scale * (p[j] * weight - tj),
                            tol.crossEntropyGradient(cols, scale, p[j], weight, tj));
                }
            }
            lossBound += Tolerance.sum(rows, lossMagnitude);
            within(what + " loss", 0, loss, expectedLoss, lossBound);
        }
    }

    /** Hand-computed values, and logits of ±1000 (no NaN, no infinity). */
    void softmaxCrossEntropyKnownValues() {
        // softmax(1, 2, 3) = (0.0900306, 0.2447285, 0.6652410); -log 0.6652410 = log(1 + e^-1 + e^-2) = 0.4076059644443806
        // (e^-1 = 0.36787944117144233, e^-2 = 0.1353352832366127, log 1.503214724408055)
        try (Tensor z = be.fromMatrix(dtype, new double[][] {{1, 2, 3}}); Tensor label = be.fromMatrix(dtype, new double[][] {{2}});
             Tensor g = be.zeros(dtype, Shape.of(1, 3))) {
            double loss = be.softmaxCrossEntropy(z, label, 1, g);
            assertThat(loss).as("loss of (1, 2, 3), label 2, %s", dtype).isCloseTo(0.4076059644443806,
                    org.assertj.core.data.Offset.offset(4 * tol.unitRoundoff()));
            double[] grad = g.toDoubleArray();
            double[] expected = {0.09003057317038046, 0.24472847105479764, 0.6652409557748219 - 1};
            for (int j = 0; j < 3; j++) {
                assertThat(grad[j]).as("gradient %d, %s", j, dtype).isCloseTo(expected[j],
                        org.assertj.core.data.Offset.offset(4 * tol.unitRoundoff()));
            }
        }
        // (1000, -1000): label 1 costs exactly 2000, label 0 exactly 0; (1000, 1000): log 2 either way
        try (Tensor z = be.fromMatrix(dtype, new double[][] {{1000, -1000}, {1000, -1000}, {1000, 1000}, {-1000, -1000}});
             Tensor labels = be.fromMatrix(dtype, new double[][] {{1}, {0}, {0}, {1}});
             Tensor g = be.zeros(dtype, Shape.of(4, 2))) {
            double loss = be.softmaxCrossEntropy(z, labels, 1, g);
            assertThat(loss).as("loss of ±1000, %s", dtype).isCloseTo(2000 + 2 * Math.log(2),
                    org.assertj.core.data.Offset.offset(2000 * 4 * tol.unitRoundoff()));
            assertThat(g.toDoubleArray()).as("gradients of ±1000, %s", dtype)
                    .containsExactly(1, -1, 0, 0, -0.5, 0.5, 0.5, -0.5);
        }
    }

    /** The errors: label out of range or fractional (before anything is written), shapes, aliasing, scale. */
    void softmaxCrossEntropyRejectsBadArguments() {
        try (Tensor z = be.zeros(dtype, Shape.of(3, 4)); Tensor g = be.full(dtype, Shape.of(3, 4), 7);
             Tensor outOfRange = be.fromMatrix(dtype, new double[][] {{0}, {4}, {1}});
             Tensor negative = be.fromMatrix(dtype, new double[][] {{0}, {1}, {-1}});
             Tensor fractional = be.fromMatrix(dtype, new double[][] {{0.5}, {1}, {1}});
             Tensor wrongRows = be.zeros(dtype, Shape.of(2, 1)); Tensor wrongCols = be.zeros(dtype, Shape.of(3, 3));
             Tensor labels = be.zeros(dtype, Shape.of(3, 1))) {
            assertThatThrownBy(() -> be.softmaxCrossEntropy(z, outOfRange, 1, g)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("label of row 1 is 4.0, not a class 0..3");
            assertThatThrownBy(() -> be.softmaxCrossEntropy(z, negative, 1, g)).hasMessageContaining("label of row 2");
            assertThatThrownBy(() -> be.softmaxCrossEntropy(z, fractional, 1, g)).hasMessageContaining("label of row 0 is 0.5");
            assertThat(g.toDoubleArray()).as("nothing written before the labels were checked").containsOnly(7);
            assertThatThrownBy(() -> be.softmaxCrossEntropy(z, wrongRows, 1, g))
                    .hasMessageContaining("targets [2, 1] are neither labels [3, 1] nor distributions [3, 4]");
            assertThatThrownBy(() -> be.softmaxCrossEntropy(z, wrongCols, 1, g)).hasMessageContaining("[3, 3]");
            assertThatThrownBy(() -> be.softmaxCrossEntropy(z, labels, 1, z)).hasMessageContaining("must not also be an input");
            assertThatThrownBy(() -> be.softmaxCrossEntropy(z, labels, Double.NaN, g)).hasMessageContaining("scale");
            assertThatThrownBy(() -> be.softmax(labels, z)).hasMessageContaining("softmax").hasMessageContaining("[3, 1]");
            assertThatThrownBy(() -> be.softmaxBackward(z, labels, z)).hasMessageContaining("softmax backward");
        }
    }

    /** Binary cross-entropy on logits, including logits far beyond exp's range. */
    void sigmoidCrossEntropy(Shape shape) {
        int n = shape.size();
        double[] z = Inputs.uniform(random, dtype, n, -10, 10);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = random.nextInt(3) / 2.0; // 0, 0.5 or 1: exact
        }
        z[0] = 1000;
        if (n > 1) {
            z[1] = -1000;
        }
        double scale = -1.5;
        String what = "sigmoidCrossEntropy " + dtype + " " + shape;
        try (Tensor logits = be.fromArray(dtype, z, shape); Tensor targets = be.fromArray(dtype, t, shape);
             Tensor g = be.zeros(dtype, shape)) {
            double loss = be.sigmoidCrossEntropy(logits, targets, scale, g);
            double[] got = g.toDoubleArray();
            double expected = 0;
            double bound = 0;
            double magnitude = 0;
            for (int i = 0; i < n; i++) {
                double l = ReferenceMath.binaryCrossEntropy(z[i], t[i]);
                expected += l;
                magnitude += Math.abs(l);
                bound += tol.binaryCrossEntropy(z[i], t[i], StrictMath.log1p(StrictMath.exp(-Math.abs(z[i]))));
                double s = ReferenceMath.sigmoid(z[i]);
                within(what + " gradient", i, got[i], scale * (s - t[i]), tol.binaryCrossEntropyGradient(scale, s, t[i]));
            }
            within(what + " loss", 0, loss, expected, bound + Tolerance.sum(n, magnitude));
        }
        try (Tensor a = be.zeros(dtype, Shape.of(2, 3)); Tensor b = be.zeros(dtype, Shape.of(3, 2))) {
            assertThatThrownBy(() -> be.sigmoidCrossEntropy(a, b, 1, a)).hasMessageContaining("sigmoidCrossEntropy")
                    .hasMessageContaining("[2, 3]").hasMessageContaining("[3, 2]");
            assertThatThrownBy(() -> be.sigmoidCrossEntropy(a, a, 1, a)).hasMessageContaining("must not also be an input");
        }
    }

    /** Masks bit for bit as the rule gives them, the kept share near 1 - rate, and their arguments' range. */
    void dropoutMask(Shape shape) {
        int n = shape.size();
        double[] rates = {0, 0.1, 0.5, 0.75};
        try (Tensor mask = be.full(dtype, shape, Double.NaN)) {
            for (double rate : rates) {
                for (long step : new long[] {0, 1, 123_456_789_012L}) {
                    long seed = 42 + step;
                    be.dropoutMask(rate, seed, step, mask);
                    double[] got = mask.toDoubleArray();
                    double kept = Inputs.stored(dtype, 1 / (1 - rate));
                    int dropped = 0;
                    for (int i = 0; i < n; i++) {
                        boolean keeps = ReferenceMath.dropoutKeeps(seed, step, i, rate);
                        if (got[i] != (keeps ? kept : 0)) {
                            fail("dropoutMask " + dtype + " " + shape + " rate " + rate + " step " + step + ": element "
                                    + i + " is " + got[i] + ", the rule gives " + (keeps ? kept : 0));
                        }
                        dropped += keeps ? 0 : 1;
                    }
                    // the share dropped: within 5 standard deviations of the rate (a fixed outcome of the rule)
                    double sd = Math.sqrt(n * rate * (1 - rate));
                    assertThat((double) dropped).as("dropped at rate %s of %d", rate, n)
                            .isBetween(n * rate - 5 * sd - 1, n * rate + 5 * sd + 1);
                }
            }
            assertThatThrownBy(() -> be.dropoutMask(1, 0, 0, mask)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("dropoutMask: the rate must be in [0, 1)");
            assertThatThrownBy(() -> be.dropoutMask(-0.1, 0, 0, mask)).hasMessageContaining("rate");
            assertThatThrownBy(() -> be.dropoutMask(Double.NaN, 0, 0, mask)).hasMessageContaining("rate");
        }
    }

    /** Different steps and seeds give different masks; a step's mask is the same whenever it is drawn. */
    void dropoutMasksDifferBetweenStepsAndSeeds() {
        Shape shape = Shape.of(64, 64);
        try (Tensor a = be.zeros(dtype, shape); Tensor b = be.zeros(dtype, shape)) {
            be.dropoutMask(0.5, 7, 3, a);
            be.dropoutMask(0.5, 7, 3, b);
            assertThat(b.toDoubleArray()).containsExactly(a.toDoubleArray());
            be.dropoutMask(0.5, 7, 4, b);
            assertThat(agreement(a, b)).as("steps 3 and 4").isBetween(0.45, 0.55);
            be.dropoutMask(0.5, 8, 3, b);
            assertThat(agreement(a, b)).as("seeds 7 and 8").isBetween(0.45, 0.55);
        }
    }

    /** The share of elements where two masks agree. */
    private static double agreement(Tensor a, Tensor b) {
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        int same = 0;
        for (int i = 0; i < x.length; i++) {
            same += x[i] == y[i] ? 1 : 0;
        }
        return (double) same / x.length;
    }
}
