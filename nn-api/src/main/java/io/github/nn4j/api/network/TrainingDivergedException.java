package io.github.nn4j.api.network;

/**
 * Thrown by {@link Network#fit} as soon as a batch loss is NaN or infinite: training diverged, usually because
 * the learning rate is too high or the inputs are not scaled. The update of the failing batch is not
 * applied, so the parameters are those after the last finite step.
 */
public class TrainingDivergedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    /** The 1-based epoch of the non-finite loss. */
    private final int epoch;
    /** The 1-based batch of the non-finite loss. */
    private final int batch;
    /** The non-finite loss value. */
    private final double loss;

    /**
     * A new exception for the given 1-based epoch and batch.
     *
     * @param epoch the 1-based epoch
     * @param batch the 1-based batch within the epoch
     * @param loss the non-finite loss value
     */
    public TrainingDivergedException(int epoch, int batch, double loss) {
        super("training diverged at epoch " + epoch + ", batch " + batch + ": loss is " + loss
                + "; try a smaller learning rate or check the inputs for NaN/Inf and their scaling");
        this.epoch = epoch;
        this.batch = batch;
        this.loss = loss;
    }

    /** {@return the 1-based epoch of the non-finite loss} */
    public int epoch() {
        return epoch;
    }

    /** {@return the 1-based batch of the non-finite loss} */
    public int batch() {
        return batch;
    }

    /** {@return the non-finite loss value} */
    public double loss() {
        return loss;
    }
}
