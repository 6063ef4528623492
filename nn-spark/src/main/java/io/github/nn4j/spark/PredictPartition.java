package io.github.nn4j.spark;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The executor side of {@link SparkPredictor}: reads a partition's rows lazily in mini-batches, runs each batch
 * through the network {@link ExecutorModels} keeps for the model in this JVM (shared with the tasks running at
 * the same time), and appends the outputs to the rows.
 */
final class PredictPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final ExecutorModels.Source source;
    private final FeatureColumn column;
    private final DType dtype;
    private final int batchSize;
    private final OutputType outputType;

    PredictPartition(ExecutorModels.Source source, FeatureColumn column, DType dtype, int batchSize,
            OutputType outputType) {
        this.source = source;
        this.column = column;
        this.dtype = dtype;
        this.batchSize = batchSize;
        this.outputType = outputType;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        TaskContext task = TaskContext.get();
        return new Batches(rows, task == null ? -1 : task.partitionId());
    }

    /** The output rows, computed a batch at a time. */
    private final class Batches implements Iterator<Row> {
        private final Iterator<Row> input;
        private final int partition;
        private final List<Row> batch = new ArrayList<>();
        private Object[] outputs = new Object[0];
        private int next;
        private int width = -1;
        private long rowsRead;

        Batches(Iterator<Row> input, int partition) {
            this.input = input;
            this.partition = partition;
        }

        @Override
        public boolean hasNext() {
            if (next < batch.size()) {
                return true;
            }
            return fill();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = batch.get(next);
            Object[] values = new Object[row.length() + 1];
            for (int i = 0; i < row.length(); i++) {
                values[i] = row.get(i);
            }
            values[row.length()] = outputs[next];
            next++;
            return RowFactory.create(values);
        }

        private boolean fill() {
            batch.clear();
            next = 0;
            while (batch.size() < batchSize && input.hasNext()) {
                batch.add(input.next());
            }
            if (batch.isEmpty()) {
                return false;
            }
            if (width < 0) {
                width = column.width(batch.get(0), where(0));
            }
            int n = batch.size();
            Shape shape = Shape.matrix(n, width);
            try (ExecutorModels.Lease lease = ExecutorModels.borrow(source)) {
                Backend be = lease.backend();
                try (Tensor x = inputs(be, shape); Tensor y = lease.network().predict(x, batchSize)) {
                    outputs = split(y, n);
                }
            }
            rowsRead += n;
            return true;
        }

        private Tensor inputs(Backend be, Shape shape) {
            int n = batch.size();
            if (dtype == DType.FLOAT32) {
                float[] values = new float[n * width];
                for (int i = 0; i < n; i++) {
                    column.read(batch.get(i), width, values, i * width, where(i));
                }
                return be.fromArray(values, shape);
            }
            double[] values = new double[n * width];
            for (int i = 0; i < n; i++) {
                column.read(batch.get(i), width, values, i * width, where(i));
            }
            return be.fromArray(values, shape);
        }

        private Object[] split(Tensor y, int n) {
            int outWidth = y.shape().size() / n;
            Object[] out = new Object[n];
            if (outputType == OutputType.ARRAY && dtype == DType.FLOAT32) {
                float[] all = y.toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[i] = Arrays.copyOfRange(all, i * outWidth, (i + 1) * outWidth);
                }
                return out;
            }
            double[] all = y.toDoubleArray();
            for (int i = 0; i < n; i++) {
                double[] row = Arrays.copyOfRange(all, i * outWidth, (i + 1) * outWidth);
                out[i] = outputType == OutputType.VECTOR ? Vectors.dense(row) : row;
            }
            return out;
        }

        private String where(int indexInBatch) {
            return "row " + (rowsRead + indexInBatch) + " of partition " + partition;
        }
    }
}
