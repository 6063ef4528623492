package io.github.nn4j.api.persist;

import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingProgress;
import io.github.nn4j.api.optim.Optimizer;

/**
 * A training run read back from a checkpoint ({@link ModelFiles#loadCheckpoint}): the network, the optimizer with
 * its state restored for that network's parameters, and where training stood. Continue it with
 * <pre>{@code
 * try (Checkpoint cp = ModelFiles.loadCheckpoint(path, backend)) {
 *     cp.network().fit(x, y, loss, cp.optimizer(),
 *             TrainingConfig.builder(totalEpochs).resumeFrom(cp.progress()).build());
 * }
 * }</pre>
 * which, with the same data, gives the uninterrupted run's results bit for bit on the same backend and thread
 * count. Closing it closes the network and the optimizer.
 */
public final class Checkpoint implements AutoCloseable {
    private final Network network;
    private final Optimizer optimizer;

    Checkpoint(Network network, Optimizer optimizer) {
        this.network = network;
        this.optimizer = optimizer;
    }

    /** {@return the network, owned by this checkpoint until closed} */
    public Network network() {
        return network;
    }

    /** {@return the optimizer, with its state for {@link #network()}'s parameters} */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * {@return where training stood when the checkpoint was saved ({@link Network#trainingProgress()} of the saved
     * network), or {@code null} when it was saved before any epoch of {@code fit} completed}
     */
    public TrainingProgress progress() {
        return network.trainingProgress();
    }

    @Override
    public void close() {
        optimizer.close();
        network.close();
    }
}
