package io.github.nn4j.api.layer;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Reduction;
import io.github.nn4j.api.tensor.ScalarOp;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Optional;

/**
 * A fixed standardization of the inputs, {@code y = (x − mean) / std} element-wise with one mean and one standard
 * deviation (Keras' {@code Normalization} layer with a single value): as the first layer of a network it keeps the
 * preprocessing in the model, so a saved model takes the raw inputs. {@link #fitTo} measures both from training data.
 * Nothing is trained; the backward pass is {@code dx = dy / std}. Two backend kernels per direction at most
 * ({@link Backend#scalar}). Any input shape. Not thread-safe; {@link #inferenceReplica()} serves concurrent
 * inference.
 */
public final class Normalization extends ElementwiseLayer {
    private final double mean;
    private final double std;

    /**
     * A standardization with these values.
     *
     * @param mean subtracted from every input, finite
     * @param std  every difference is divided by it, positive and finite
     */
    public Normalization(double mean, double std) {
        if (!Double.isFinite(mean) || !(std > 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("Normalization: need a finite mean and a positive finite standard"
                    + " deviation, got " + mean + " and " + std);
        }
        this.mean = mean;
        this.std = std;
    }

    /**
     * The standardization of {@code data}: the mean and the (population) standard deviation of all its elements,
     * accumulated in double precision.
     *
     * @param data the training inputs, any shape
     * @return the layer
     * @throws IllegalArgumentException when the elements are all equal or not finite
     */
    public static Normalization fitTo(Tensor data) {
        Backend be = data.backend();
        double n = data.size();
        double mean = be.reduce(Reduction.SUM, data) / n;
        double variance = be.reduce(Reduction.SUM_OF_SQUARES, data) / n - mean * mean;
        return new Normalization(mean, Math.sqrt(Math.max(variance, 0)));
    }

    /**
     * The value subtracted.
     *
     * @return the mean
     */
    public double mean() {
        return mean;
    }

    /**
     * The value divided by.
     *
     * @return the standard deviation
     */
    public double std() {
        return std;
    }

    @Override
    protected void apply(Backend be, Tensor x, Tensor y) {
        be.scalar(ScalarOp.SUB, x, mean, y);
        be.scalar(ScalarOp.DIV, y, std, y);
    }

    @Override
    protected void gradient(Backend be, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        be.scalar(ScalarOp.DIV, dy, std, dx);
    }

    /** A layer with the same values and buffers of its own; see {@link Layer#inferenceReplica()}. */
    @Override
    public Optional<Layer> inferenceReplica() {
        return Optional.of(new Normalization(mean, std));
    }

    /** E.g. {@code Normalization(mean 0.13, std 0.31)}. */
    @Override
    public String toString() {
        return "Normalization(mean " + mean + ", std " + std + ")";
    }
}
