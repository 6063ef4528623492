package io.github.nn4j.spark;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.loss.Loss;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.SampleOrder;
import io.github.nn4j.api.network.TrainingDivergedException;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.persist.Checkpoint;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.persist.ModelFormatException;
import io.github.nn4j.api.tensor.ReusableBuffer;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * One partition's share of an averaging round, on an executor: loads the round's checkpoint (network and optimizer
 * with its state and step counter) from the broadcast bytes, trains mini-batches {@code firstStep} to
 * {@code firstStep + steps - 1} of the partition's batch stream, and returns the resulting parameters and state.
 *
 * <h2>The batch stream</h2>
 * A partition of {@code n} rows trains epoch after epoch over its own rows exactly as {@link Network#fit} over
 * {@code n} rows with the same batch size, seed and shuffling: batch {@code s} of the stream is batch
 * {@code s mod B} of epoch {@code s / B + 1}, {@code B} the batches per epoch, and the epoch's order is that of
 * {@link SampleOrder}. Partition {@code p} shuffles with seed {@code seed + p · 0x9E3779B97F4A7C15}, so partition 0
 * uses the seed itself: with one partition the stream is {@code fit}'s batches, and the run is {@code fit}'s.
 */
final class PartitionTrainer implements Function<PartitionRows, ParameterSums> {
    private static final long serialVersionUID = 1L;
    /** Spreads the partitions' seeds (the golden-ratio increment of {@link java.util.SplittableRandom}). */
    private static final long SEED_SPREAD = 0x9E3779B97F4A7C15L;

    private final Broadcast<byte[]> checkpoint;
    private final LossFactory lossFactory;
    private final String backend;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final long firstStep;
    private final int steps;

    /**
     * @param checkpoint  the round's checkpoint ({@link ModelFiles#toBytes(Network, Optimizer)})
     * @param backend     the backend's name, or {@code null} for the executor's default
     * @param batchSize   mini-batch size ({@code fit}'s: a partition smaller than it trains full-batch)
     * @param firstStep   the stream position of the round's first batch (0-based)
     * @param steps       how many batches the round trains
     */
    PartitionTrainer(Broadcast<byte[]> checkpoint, LossFactory lossFactory, String backend, int batchSize, long seed,
                     boolean shuffle, long firstStep, int steps) {
        this.checkpoint = checkpoint;
        this.lossFactory = lossFactory;
        this.backend = backend;
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
        this.firstStep = firstStep;
        this.steps = steps;
    }

    /** Batches per epoch of a partition of {@code rows} rows. */
    static int batchesPerEpoch(int rows, int batchSize) {
        int batch = Math.min(batchSize, rows);
        return (rows + batch - 1) / batch;
    }

    @Override
    public ParameterSums call(PartitionRows rows) throws ModelFormatException {
        Backend be = backend == null ? Backends.get() : Backends.get(backend);
        int n = rows.rows();
        int batch = Math.min(batchSize, n);
        int perEpoch = batchesPerEpoch(n, batchSize);
        SampleOrder orders = new SampleOrder(n, seed + rows.partition() * SEED_SPREAD, shuffle && batch < n);
        long epoch = firstStep / perEpoch;
        int[] order = orders.nextEpoch();
        for (long e = 0; e < epoch; e++) {
            order = orders.nextEpoch();
        }
        try (Checkpoint cp = ModelFiles.checkpointFromBytes(checkpoint.value(), be, "the round's checkpoint");
             ReusableBuffer inputs = new ReusableBuffer();
             ReusableBuffer targets = new ReusableBuffer()) {
            Network net = cp.network();
            Optimizer optimizer = cp.optimizer();
            Loss loss = lossFactory.create();
            PartitionRows.Scratch scratch = new PartitionRows.Scratch();
            Shape inputShape = Shape.matrix(batch, rows.inputWidth());
            Shape targetShape = Shape.matrix(batch, rows.targetWidth());
            double lossSum = 0;
            long samples = 0;
            long start = System.nanoTime();
            for (long s = firstStep; s < firstStep + steps; s++) {
                if (s / perEpoch != epoch) {
                    epoch = s / perEpoch;
                    order = orders.nextEpoch();
                }
                int b = (int) (s % perEpoch);
                int from = b * batch;
                int count = Math.min(batch, n - from);
                Tensor x = inputs.get(be, rows.dtype(), inputShape, count);
                Tensor y = targets.get(be, rows.dtype(), targetShape, count);
                rows.gatherInputs(order, from, count, x, scratch);
                rows.gatherTargets(order, from, count, y, scratch);
                double value;
                try {
                    value = net.trainStep(x, y, loss, optimizer);
                } catch (TrainingDivergedException e) {
                    // reported to the driver as a result, not a task failure that Spark would retry
                    return ParameterSums.diverged(new ParameterSums.Divergence(rows.partition(),
                            (int) Math.min(Integer.MAX_VALUE, epoch + 1), b + 1, e.loss()));
                }
                lossSum += value * count;
                samples += count;
            }
            long trained = System.nanoTime() - start;
            return ParameterSums.of(TrainingState.tensors(net, optimizer), optimizer.steps(), lossSum, samples, trained);
        }
    }
}
