package io.github.nn4j.spark;

import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingDivergedException;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Synchronous data-parallel training on Spark by parameter averaging.
 *
 * <pre>{@code
 * ParameterAveraging training = ParameterAveraging.builder(10)      // epochs
 *         .partitions(8).batchSize(64).averagingPeriod(16).seed(42).build();
 * AveragingHistory h = training.fit(net, new Sgd(0.05), MeanSquaredError::new, images, "pixels", "pixels");
 * }</pre>
 *
 * <p>The rows are dealt out over {@link Builder#partitions} partitions, round-robin in dataset order (row {@code j}
 * of the dataset's partition {@code q} to partition {@code (q + j) mod P}), packed into one array per partition and
 * cached on the executors. Then, round after round: the driver broadcasts a checkpoint of the network and optimizer
 * (weights, optimizer state such as momentum or Adam's moments, step counter: {@code ModelFiles}' safetensors bytes);
 * every partition loads it, trains {@link Builder#averagingPeriod} mini-batches of {@link Builder#batchSize} rows of
 * its own, and the driver averages the resulting parameters <em>and</em> optimizer state over the partitions with
 * {@code treeAggregate} (summed in double, rounded once to the network's dtype) and writes them into the network
 * and optimizer it was given. Every partition trains the same number of batches per round, so the step counters
 * agree.
 *
 * <p>Each partition trains epoch after epoch over its own rows exactly as {@code Network.fit} would over them with the
 * same batch size, seed and shuffling ({@link io.github.nn4j.api.network.SampleOrder}); partition {@code p} shuffles
 * with seed {@code seed + p · 0x9E3779B97F4A7C15}, so partition 0 with the seed itself. With one partition the run is
 * therefore {@code fit}'s, bit for bit on the same backend. An epoch is {@code B} batches per partition, {@code B} the
 * batches per epoch of the largest partition, so an epoch visits every row about once; the last round of a fit may be
 * shorter than the averaging period.
 *
 * <p>Listeners hear after every round. A non-finite loss on any partition stops training with a
 * {@link TrainingDivergedException} naming the epoch and batch in that partition's own batch stream; the network keeps
 * the last completed round's parameters.
 *
 * <p>Bit-reproducible for one and two partitions (the sum of two terms does not depend on their order). With more,
 * the driver adds the partitions' results in the order they arrive, and a double sum of three or more terms can differ
 * in its last bits between orders; that survives the rounding to a FLOAT32 parameter only when the average lies next
 * to a float rounding boundary.
 */
public final class ParameterAveraging {
    private final int epochs;
    private final int partitions;
    private final int batchSize;
    private final int averagingPeriod;
    private final long seed;
    private final boolean shuffle;
    private final String backend;
    private final List<AveragingListener> listeners;

    private ParameterAveraging(Builder b) {
        this.epochs = b.epochs;
        this.partitions = b.partitions;
        this.batchSize = b.batchSize;
        this.averagingPeriod = b.averagingPeriod;
        this.seed = b.seed;
        this.shuffle = b.shuffle;
        this.backend = b.backend;
        this.listeners = List.copyOf(b.listeners);
    }

    /** Settings for training {@code epochs} epochs. */
    public static Builder builder(int epochs) {
        return new Builder(epochs);
    }

    /**
     * Trains {@code network} with {@code optimizer} on {@code data}: {@code inputs} and {@code targets} are columns of
     * {@code array<float>}, {@code array<double>} or Spark ML vectors (the same column for an autoencoder), converted
     * to the network's dtype. Afterwards {@code network} holds the trained parameters and {@code optimizer} the
     * averaged state and step counter, so {@code ModelFiles.save(network, optimizer, path)} checkpoints the run.
     *
     * @throws IllegalArgumentException  when a column is missing or not numeric rows, rows differ in width, or there are
     *                                   fewer rows than partitions (before any training)
     * @throws TrainingDivergedException when a batch loss is NaN or infinite
     */
    public AveragingHistory fit(Network network, Optimizer optimizer, LossFactory loss, Dataset<Row> data,
                                String inputs, String targets) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
        if (network.parameters().isEmpty()) {
            throw new IllegalArgumentException("the network has no parameters to train");
        }
        DType dtype = network.parameters().get(0).value().dtype();
        String executorBackend = backend != null ? backend : SparkPredictor.backendName(network);
        SparkContext context = data.sparkSession().sparkContext();
        int count = partitions > 0 ? partitions : context.defaultParallelism();
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(context);

        FeatureColumn.of(data.schema(), inputs);
        FeatureColumn.of(data.schema(), targets);
        try (TrainingRows rows = TrainingRows.of(data, inputs, targets, count, dtype)) {
            int perEpoch = 0;
            for (TrainingRows.Shape s : rows.shapes()) {
                perEpoch = Math.max(perEpoch, PartitionTrainer.batchesPerEpoch(s.rows(), batchSize));
            }
            long totalSteps = (long) epochs * perEpoch;
            int rounds = (int) Math.min(Integer.MAX_VALUE, (totalSteps + averagingPeriod - 1) / averagingPeriod);
            List<RoundStats> history = new ArrayList<>(rounds);
            for (int round = 1; round <= rounds; round++) {
                long first = (long) (round - 1) * averagingPeriod;
                int steps = (int) Math.min(averagingPeriod, totalSteps - first);
                long start = System.nanoTime();
                ParameterSums sums = trainRound(spark, rows, network, optimizer, loss, executorBackend, first, steps);
                sums.averageInto(network, optimizer);
                RoundStats stats = new RoundStats(round, rounds, (double) (first + steps) / perEpoch, sums.loss(),
                        sums.samples(), sums.partitions(), System.nanoTime() - start, sums.slowestTrainNanos());
                history.add(stats);
                for (AveragingListener l : listeners) {
                    l.onRoundEnd(stats);
                }
            }
            return new AveragingHistory(history);
        }
    }

    private ParameterSums trainRound(JavaSparkContext spark, TrainingRows rows, Network network, Optimizer optimizer,
                                     LossFactory loss, String executorBackend, long first, int steps) {
        Broadcast<byte[]> checkpoint = spark.broadcast(ModelFiles.toBytes(network, optimizer));
        try {
            PartitionTrainer trainer = new PartitionTrainer(checkpoint, loss, executorBackend, batchSize, seed, shuffle,
                    first, steps);
            ParameterSums sums = rows.partitions().map(trainer).treeAggregate(ParameterSums.empty(),
                    ParameterSums::add, ParameterSums::add, 2);
            ParameterSums.Divergence diverged = sums.divergence();
            if (diverged != null) {
                throw new TrainingDivergedException(diverged.epoch(), diverged.batch(), diverged.loss());
            }
            return sums;
        } finally {
            checkpoint.destroy();
        }
    }

    @Override
    public String toString() {
        return "ParameterAveraging[" + epochs + " epochs, " + (partitions > 0 ? partitions + " partitions"
                : "default parallelism") + ", batch " + batchSize + ", averaging every " + averagingPeriod
                + " batches, seed " + seed + (shuffle ? "" : ", no shuffling") + "]";
    }

    /** Settings of a {@link ParameterAveraging}. */
    public static final class Builder {
        private final int epochs;
        private int partitions;
        private int batchSize = 64;
        private int averagingPeriod = 8;
        private long seed = 42;
        private boolean shuffle = true;
        private String backend;
        private final List<AveragingListener> listeners = new ArrayList<>();

        private Builder(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs: need at least 1, got " + epochs);
            }
            this.epochs = epochs;
        }

        /** How many partitions train in parallel; default (0) Spark's default parallelism. */
        public Builder partitions(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("partitions: must be positive (or 0 for the default), got " + count);
            }
            this.partitions = count;
            return this;
        }

        /** Rows per mini-batch on each partition; default 64. */
        public Builder batchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("batchSize: must be positive, got " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /** Mini-batches each partition trains between two averagings; default 8. */
        public Builder averagingPeriod(int batches) {
            if (batches < 1) {
                throw new IllegalArgumentException("averagingPeriod: must be positive, got " + batches);
            }
            this.averagingPeriod = batches;
            return this;
        }

        /** Seed of the per-partition shuffles; default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether each partition reshuffles its rows every epoch; default true. */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** The backend executors train on, by name; default that of the network's parameters. */
        public Builder backend(String name) {
            this.backend = name;
            return this;
        }

        /** Adds a listener, told after every round on the driver. */
        public Builder listener(AveragingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The trainer. */
        public ParameterAveraging build() {
            return new ParameterAveraging(this);
        }
    }
}
