package io.github.nn4j.api.persist;

import io.github.nn4j.api.network.EpochStats;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingListener;
import io.github.nn4j.api.optim.Optimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Saves a checkpoint of a training run every {@code n} epochs (and after the last one), each replacing the previous
 * one atomically, so that a run killed at any moment can be resumed from its last checkpoint:
 * <pre>{@code
 * net.fit(x, y, loss, opt, TrainingConfig.builder(100).batchSize(64).seed(1)
 *         .listener(new CheckpointListener(Path.of("run.safetensors"), net, opt, 5)).build());
 * }</pre>
 * A failing save stops training with an {@link UncheckedIOException}. Runs on the training thread.
 */
public final class CheckpointListener implements TrainingListener {
    private final Path file;
    private final Network network;
    private final Optimizer optimizer;
    private final int every;

    /**
     * @param file      where the checkpoint is written (its directory must exist)
     * @param network   the network being trained
     * @param optimizer its optimizer
     * @param every     save after every {@code every}-th epoch (counted from the start of training) and the last one
     */
    public CheckpointListener(Path file, Network network, Optimizer optimizer, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1 epoch, got " + every);
        }
        this.file = Objects.requireNonNull(file, "file");
        this.network = Objects.requireNonNull(network, "network");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.every = every;
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        if (stats.epoch() % every == 0 || stats.epoch() == stats.epochs()) {
            try {
                ModelFiles.save(network, optimizer, file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the checkpoint after epoch " + stats.epoch() + " to " + file, e);
            }
        }
    }
}
