package io.github.nn4j.api.optim;

/** The schedule that keeps the base learning rate: factor 1 at every step. Obtain it from {@link LearningRateSchedule#constant()}. */
public final class ConstantLearningRate implements LearningRateSchedule {
    static final ConstantLearningRate INSTANCE = new ConstantLearningRate();

    private ConstantLearningRate() {
    }

    @Override
    public double factor(long step) {
        return 1;
    }

    @Override
    public String toString() {
        return "constant";
    }
}
