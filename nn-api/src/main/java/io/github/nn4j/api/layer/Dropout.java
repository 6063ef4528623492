package io.github.nn4j.api.layer;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.api.tensor.ReusableBuffer;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Optional;

/**
 * Inverted dropout (Srivastava et al., 2014): in training, each element is set to 0 with probability {@code rate}
 * and the others are multiplied by {@code 1 / (1 − rate)}, so that the expected output equals the input; in
 * inference ({@code forward(x, false)}) the layer is the identity and returns its input. Any input shape.
 *
 * <p><b>Determinism.</b> The mask of a training step is a function of the layer's seed and the step's index alone
 * ({@link Layer#beginTrainingStep}, announced by the network; {@link Backend#dropoutMask}), not of a generator that
 * advances with every call: training is reproducible and identical on every backend, a run resumed from a checkpoint
 * draws the masks of the uninterrupted run, and repeated forward passes within one step (a gradient check) see one
 * mask. Give each dropout layer of a network its own seed. The seed is the layer's configuration (saved in model
 * files), so the layer has no state to checkpoint.
 *
 * <p>Backward multiplies by the mask of the last training forward. Parameter-free. Not thread-safe;
 * {@link #inferenceReplica()} gives the inference identity for concurrent inference.
 */
public final class Dropout implements Layer {
    private final double rate;
    private final long seed;
    private final ReusableBuffer mask = new ReusableBuffer();
    private final ReusableBuffer output = new ReusableBuffer();
    private final ReusableBuffer inputGradient = new ReusableBuffer();
    private long step;
    /** The mask of the last training forward pass. */
    private Tensor lastMask;
    /** Whether the last forward pass was a training one (whose mask backward applies), or none happened. */
    private Boolean lastTraining;

    /**
     * A dropout layer.
     *
     * @param rate the probability of dropping an element in training, in {@code [0, 1)}
     * @param seed the seed of its masks
     */
    public Dropout(double rate, long seed) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout: the rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
        this.seed = seed;
    }

    /**
     * The probability of dropping an element in training.
     *
     * @return the rate, in {@code [0, 1)}
     */
    public double rate() {
        return rate;
    }

    /**
     * The seed of the masks.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /** Takes the step's index, from which the next training forward pass draws its mask. */
    @Override
    public void beginTrainingStep(long step) {
        this.step = step;
    }

    /**
     * In training, {@code x} times the mask of the current step (a buffer of this layer); in inference {@code x}
     * itself.
     */
    @Override
    public Tensor forward(Tensor input, boolean training) {
        lastTraining = training;
        if (!training || rate == 0) {
            return input;
        }
        Backend be = input.backend();
        Tensor m = mask.get(be, input.dtype(), input.shape());
        Tensor y = output.get(be, input.dtype(), input.shape());
        be.dropoutMask(rate, seed, step, m);
        be.binary(BinaryOp.MUL, input, m, y);
        lastMask = m;
        return y;
    }

    /** {@code dy} times the last training mask; {@code dy} itself after an inference forward pass or at rate 0. */
    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
        if (lastTraining == null) {
            throw new IllegalStateException(this + ": backward called before forward");
        }
        if (!needInputGradient) {
            return null;
        }
        if (!lastTraining || rate == 0) {
            return gradOutput;
        }
        Backend be = gradOutput.backend();
        Tensor dx = inputGradient.get(be, gradOutput.dtype(), gradOutput.shape());
        be.binary(BinaryOp.MUL, gradOutput, lastMask, dx);
        return dx;
    }

    /** The inference identity: a dropout layer with the same settings, which no one trains. */
    @Override
    public Optional<Layer> inferenceReplica() {
        return Optional.of(new Dropout(rate, seed));
    }

    @Override
    public void close() {
        mask.close();
        output.close();
        inputGradient.close();
        lastMask = null;
        lastTraining = null;
    }

    /** E.g. {@code Dropout(0.2)}. */
    @Override
    public String toString() {
        return "Dropout(" + rate + ")";
    }
}
