package io.github.nn4j.api.layer;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Optional;

/**
 * Leaky rectified linear unit {@code y = x > 0 ? x : alpha x}, with the slope {@code alpha} for {@code x <= 0} (its
 * derivative at 0 is taken as {@code alpha}); each direction is one backend kernel ({@link Backend#leakyRelu},
 * {@link Backend#leakyReluBackward}). Parameter-free; any input shape. Not thread-safe;
 * {@link #inferenceReplica()} serves concurrent inference.
 */
public final class LeakyReLU extends ElementwiseLayer {
    /** The slope of {@link #LeakyReLU()}, as in PyTorch and DL4J. */
    public static final double DEFAULT_ALPHA = 0.01;

    private final double alpha;

    /** A layer with the slope {@value #DEFAULT_ALPHA}. */
    public LeakyReLU() {
        this(DEFAULT_ALPHA);
    }

    /**
     * A layer with the slope {@code alpha} for {@code x <= 0}.
     *
     * @param alpha the slope, finite
     * @throws IllegalArgumentException if {@code alpha} is NaN or infinite
     */
    public LeakyReLU(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("LeakyReLU: the slope alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    /** {@return the slope for {@code x <= 0}} */
    public double alpha() {
        return alpha;
    }

    @Override
    protected void apply(Backend be, Tensor x, Tensor y) {
        be.leakyRelu(alpha, x, y);
    }

    @Override
    protected void gradient(Backend be, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        be.leakyReluBackward(alpha, x, dy, dx);
    }

    /** A layer with the same slope and buffers of its own; see {@link Layer#inferenceReplica()}. */
    @Override
    public Optional<Layer> inferenceReplica() {
        return Optional.of(new LeakyReLU(alpha));
    }

    /** E.g. {@code LeakyReLU(0.01)}. */
    @Override
    public String toString() {
        return "LeakyReLU(" + alpha + ")";
    }
}
