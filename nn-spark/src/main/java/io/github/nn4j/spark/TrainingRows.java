package io.github.nn4j.spark;

import io.github.nn4j.api.tensor.DType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A training set spread over partitions for {@link ParameterAveraging}: row {@code j} of the dataset's partition
 * {@code q} goes to partition {@code (q + j) mod P}, and each partition packs its rows, in dataset order, into one
 * {@link PartitionRows} that stays cached on the executors for the whole fit. Dealing the rows out round-robin gives
 * every partition a sample of the whole dataset even when it is sorted (by label, say), with sizes that differ by at
 * most the number of the dataset's partitions, and needs no global row numbers (which would cost a pass over the
 * data). With one partition the rows keep the dataset's order, which is what makes that case equal to
 * {@code Network.fit} on the same rows.
 */
final class TrainingRows implements AutoCloseable {
    private final JavaRDD<PartitionRows> partitions;
    private final List<Shape> shapes;

    /**
     * The rows, the inputs and targets widths of one partition.
     *
     * @param partition   the partition's index
     * @param rows        its number of rows
     * @param inputWidth  values per input row
     * @param targetWidth values per target row
     */
    record Shape(int partition, int rows, int inputWidth, int targetWidth) implements Serializable {
    }

    private TrainingRows(JavaRDD<PartitionRows> partitions, List<Shape> shapes) {
        this.partitions = partitions;
        this.shapes = shapes;
    }

    /**
     * Spreads {@code data}'s columns {@code inputs} and {@code targets} (the same name for an autoencoder) over
     * {@code count} partitions, converted to {@code dtype}, and caches them (this runs a Spark job).
     *
     * @throws IllegalArgumentException when a column is missing or not numeric rows, rows differ in width, or there
     *                                  are fewer rows than partitions
     */
    static TrainingRows of(Dataset<Row> data, String inputs, String targets, int count, DType dtype) {
        boolean autoencoder = inputs.equals(targets);
        Dataset<Row> selected = autoencoder ? data.select(inputs) : data.select(inputs, targets);
        FeatureColumn x = FeatureColumn.of(selected.schema(), inputs);
        FeatureColumn y = autoencoder ? null : FeatureColumn.of(selected.schema(), targets);
        JavaRDD<PartitionRows> packed = JavaPairRDD.fromJavaRDD(selected.javaRDD()
                        .mapPartitionsWithIndex(new ToSamples(x, y, dtype), true))
                .partitionBy(new RoundRobin(count))
                .mapPartitionsWithIndex(new Pack(x.name(), y == null ? x.name() : y.name(), dtype), true);
        packed.persist(StorageLevel.MEMORY_AND_DISK());
        List<Shape> shapes;
        try {
            shapes = new ArrayList<>(packed.map(p -> new Shape(p.partition(), p.rows(), p.inputWidth(),
                    p.targetWidth())).collect());
        } catch (RuntimeException e) {
            packed.unpersist(false);
            throw e;
        }
        shapes.sort(Comparator.comparingInt(Shape::partition));
        TrainingRows rows = new TrainingRows(packed, shapes);
        try {
            rows.check(x.name(), y == null ? x.name() : y.name());
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
        return rows;
    }

    private void check(String inputs, String targets) {
        long total = shapes.stream().mapToLong(Shape::rows).sum();
        Shape first = shapes.get(0);
        for (Shape s : shapes) {
            if (s.rows() == 0) {
                throw new IllegalArgumentException(total + " rows cannot fill " + shapes.size()
                        + " partitions: partition " + s.partition() + " has none; use fewer partitions");
            }
            if (s.inputWidth() != first.inputWidth() || s.targetWidth() != first.targetWidth()) {
                throw new IllegalArgumentException("rows differ in width: partition " + first.partition() + " has "
                        + first.inputWidth() + " values in '" + inputs + "' and " + first.targetWidth() + " in '"
                        + targets + "', partition " + s.partition() + " " + s.inputWidth() + " and " + s.targetWidth());
            }
        }
    }

    /** The cached partitions. */
    JavaRDD<PartitionRows> partitions() {
        return partitions;
    }

    /** Each partition's shape, by partition index. */
    List<Shape> shapes() {
        return shapes;
    }

    /** Removes the cached partitions from the executors. */
    @Override
    public void close() {
        partitions.unpersist(false);
    }

    /**
     * A row's values, converted to the network's dtype, keyed by the row's position in the dataset: its partition in
     * the high 32 bits, its index there in the low 32 (so keys sort in dataset order).
     */
    private record Sample(Object inputs, Object targets, int inputWidth, int targetWidth) implements Serializable {
    }

    private static long key(int partition, long index) {
        return ((long) partition << 32) | index;
    }

    /** "row 17 of the dataset's partition 3", for error messages. */
    private static String where(long key) {
        return "row " + (key & 0xFFFFFFFFL) + " of the dataset's partition " + (key >>> 32);
    }

    private static final class ToSamples
            implements Function2<Integer, Iterator<Row>, Iterator<Tuple2<Long, Sample>>> {
        private static final long serialVersionUID = 1L;
        private final FeatureColumn inputs;
        private final FeatureColumn targets;
        private final DType dtype;

        ToSamples(FeatureColumn inputs, FeatureColumn targets, DType dtype) {
            this.inputs = inputs;
            this.targets = targets;
            this.dtype = dtype;
        }

        @Override
        public Iterator<Tuple2<Long, Sample>> call(Integer partition, Iterator<Row> rows) {
            return new Iterator<>() {
                private long index;

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Tuple2<Long, Sample> next() {
                    Row row = rows.next();
                    long key = key(partition, index++);
                    String where = where(key);
                    int w = inputs.width(row, where);
                    Object x = inputs.values(row, w, dtype, where);
                    if (targets == null) {
                        return new Tuple2<>(key, new Sample(x, null, w, w));
                    }
                    int tw = targets.width(row, where);
                    return new Tuple2<>(key, new Sample(x, targets.values(row, tw, dtype, where), w, tw));
                }
            };
        }
    }

    /** Row {@code j} of the dataset's partition {@code q} to partition {@code (q + j) mod n}. */
    private static final class RoundRobin extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int count;

        RoundRobin(int count) {
            this.count = count;
        }

        @Override
        public int numPartitions() {
            return count;
        }

        @Override
        public int getPartition(Object key) {
            long k = (Long) key;
            return (int) (((k >>> 32) + (k & 0xFFFFFFFFL)) % count);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RoundRobin other && other.count == count;
        }

        @Override
        public int hashCode() {
            return count;
        }
    }

    private static final class Pack implements Function2<Integer, Iterator<Tuple2<Long, Sample>>, Iterator<PartitionRows>> {
        private static final long serialVersionUID = 1L;
        private final String inputs;
        private final String targets;
        private final DType dtype;

        Pack(String inputs, String targets, DType dtype) {
            this.inputs = inputs;
            this.targets = targets;
            this.dtype = dtype;
        }

        @Override
        public Iterator<PartitionRows> call(Integer partition, Iterator<Tuple2<Long, Sample>> samples) {
            List<Tuple2<Long, Sample>> all = new ArrayList<>();
            samples.forEachRemaining(all::add);
            all.sort(Comparator.comparingLong(Tuple2::_1));
            int n = all.size();
            if (n == 0) {
                return List.of(new PartitionRows(partition, 0, 0, 0, null, null)).iterator();
            }
            Tuple2<Long, Sample> first = all.get(0);
            int w = first._2().inputWidth();
            int tw = first._2().targetWidth();
            boolean separateTargets = first._2().targets() != null;
            Object x = dtype == DType.FLOAT32 ? new float[n * w] : new double[n * w];
            Object y = separateTargets ? (dtype == DType.FLOAT32 ? new float[n * tw] : new double[n * tw]) : null;
            for (int i = 0; i < n; i++) {
                Tuple2<Long, Sample> s = all.get(i);
                if (s._2().inputWidth() != w || s._2().targetWidth() != tw) {
                    throw new IllegalArgumentException("rows differ in width: " + where(first._1()) + " has " + w
                            + " values in '" + inputs + "' and " + tw + " in '" + targets + "', " + where(s._1()) + " "
                            + s._2().inputWidth() + " and " + s._2().targetWidth());
                }
                System.arraycopy(s._2().inputs(), 0, x, i * w, w);
                if (separateTargets) {
                    System.arraycopy(s._2().targets(), 0, y, i * tw, tw);
                }
                all.set(i, null);
            }
            return List.of(new PartitionRows(partition, n, w, tw, x, y)).iterator();
        }
    }
}
