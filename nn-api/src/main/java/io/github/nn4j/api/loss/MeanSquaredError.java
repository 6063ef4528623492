package io.github.nn4j.api.loss;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Tensor;

/**
 * Squared error. By default, as in the reproduced report, it is summed over the features of each sample and
 * averaged over the {@code m} samples of the batch:
 * {@code L = 1/m · Σ (y_pred − y_true)²}, {@code dL/dy_pred = 2/m · (y_pred − y_true)}.
 * For an autoencoder on 28×28 images that is the per-image sum of squared errors.
 *
 * <p>{@link #perElement()} gives the other common convention (Keras, PyTorch): averaged over every element,
 * {@code L = 1/(m·f) · Σ (y_pred − y_true)²}. Immutable and thread-safe.
 */
public final class MeanSquaredError implements Loss {
    private final boolean perElement;

    /** Sum over features, mean over the batch (the report's definition). */
    public MeanSquaredError() {
        this(false);
    }

    private MeanSquaredError(boolean perElement) {
        this.perElement = perElement;
    }

    /**
     * {@return a squared error averaged over every element of the batch (the Keras convention), not summed over the
     * outputs}
     */
    public static MeanSquaredError perElement() {
        return new MeanSquaredError(true);
    }

    private double divisor(Tensor prediction) {
        return perElement ? prediction.size() : prediction.shape().dim(0);
    }

    @Override
    public double value(Tensor prediction, Tensor target) {
        try (Tensor diff = prediction.sub(target)) {
            return diff.sumOfSquares() / divisor(prediction);
        }
    }

    @Override
    public double valueAndGradient(Tensor prediction, Tensor target, Tensor gradient) {
        Backend be = prediction.backend();
        be.binary(BinaryOp.SUB, prediction, target, gradient);
        double m = divisor(prediction);
        double value = gradient.sumOfSquares() / m;
        be.scalar(ScalarOp.MUL, gradient, 2.0 / m, gradient);
        return value;
    }

    @Override
    public String toString() {
        return perElement ? "MeanSquaredError(per element)" : "MeanSquaredError(per sample)";
    }
}
