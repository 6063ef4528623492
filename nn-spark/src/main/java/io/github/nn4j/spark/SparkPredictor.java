package io.github.nn4j.spark;

import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.persist.ModelFormatException;
import io.github.nn4j.api.persist.ModelInfo;
import io.github.nn4j.api.tensor.DType;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Distributed inference: adds a network's outputs, or the outputs of its first {@code k} layers (an autoencoder's
 * codes), as a column of a {@link Dataset}.
 *
 * <pre>{@code
 * SparkPredictor encoder = SparkPredictor.builder(autoencoder)   // or builder(modelFileBytes)
 *         .layers(4).inputColumn("pixels").outputColumn("code").build();
 * Dataset<Row> codes = encoder.transform(images);                // images + a 64-d vector column "code"
 * }</pre>
 *
 * <p>The input column is {@code array<float>}, {@code array<double>} or a Spark ML vector; every row of a partition
 * has the same width. The model travels to the executors once, as the bytes of its model file in a broadcast
 * variable, and each executor JVM loads it once and shares it between its tasks (see {@link ExecutorModels}).
 * Each partition's rows go through it in order, in mini-batches of {@link Builder#batchSize} (the last one
 * shorter), and each row's output is, bit for bit, what {@link Network#predict} on the same backend computes for it
 * in a batch of that size. (Whether a row's last bits depend on its batch's size is the backend's matter: measured,
 * jblas's do not; pure's do only for products of at most 4,096 multiply-adds and activations of fewer than 256
 * values; nd4j's do.) The output column is not nullable; a null input row is an error naming the column and the
 * row.
 *
 * <p>{@link #transform} is lazy like every Spark transformation; the broadcast lives as long as the datasets that
 * use it (Spark's cleaner removes it once they and this predictor are unreachable). Thread-safe.
 */
public final class SparkPredictor {
    private final byte[] model;
    private final DType dtype;
    private final int layers;
    private final String inputColumn;
    private final String outputColumn;
    private final int batchSize;
    private final String backend;
    private final OutputType outputType;
    private final String key = UUID.randomUUID().toString();
    private SparkContext broadcastContext;
    private ExecutorModels.Source source;

    private SparkPredictor(Builder b) {
        this.model = b.model;
        this.dtype = b.info.dtype();
        int available = b.info.layers().size();
        this.layers = b.layers == 0 ? available : b.layers;
        if (layers > available) {
            throw new IllegalArgumentException("layers(" + layers + "): the model has only " + available + " layers");
        }
        this.inputColumn = b.inputColumn;
        this.outputColumn = b.outputColumn;
        this.batchSize = b.batchSize;
        this.backend = b.backend;
        this.outputType = b.outputType;
    }

    /**
     * A predictor for {@code network}'s current weights (saved now as a model file: later training does not change
     * them), run on executors by the backend of the same name as the network's.
     */
    public static Builder builder(Network network) {
        Objects.requireNonNull(network, "network");
        Builder b;
        try {
            b = builder(ModelFiles.toBytes(network), ModelFiles.UNNAMED);
        } catch (ModelFormatException e) {
            throw new AssertionError("a model file nn4j has just written does not validate", e);
        }
        b.backend = backendName(network);
        return b;
    }

    /**
     * A predictor for the model file {@code modelFile} (as {@link ModelFiles#toBytes} writes it, or a file's
     * content), run on executors by their default backend unless {@link Builder#backend} names one.
     *
     * @throws ModelFormatException when the bytes are not a valid model file
     */
    public static Builder builder(byte[] modelFile) throws ModelFormatException {
        return builder(modelFile, ModelFiles.UNNAMED);
    }

    /** The name of the backend {@code network}'s parameters live on, or {@code null} when it has none. */
    static String backendName(Network network) {
        return network.parameters().isEmpty() ? null : network.parameters().get(0).value().backend().name();
    }

    private static Builder builder(byte[] modelFile, String name) throws ModelFormatException {
        Objects.requireNonNull(modelFile, "modelFile");
        byte[] copy = modelFile.clone();
        return new Builder(copy, ModelFiles.inspect(copy, name));
    }

    /** The schema {@link #transform} gives a dataset of schema {@code input}. */
    public StructType transformSchema(StructType input) {
        FeatureColumn.of(input, inputColumn);
        if (List.of(input.fieldNames()).contains(outputColumn)) {
            throw new IllegalArgumentException("output column '" + outputColumn + "' already exists in "
                    + input.simpleString());
        }
        return input.add(outputColumn, outputDataType(), false);
    }

    private DataType outputDataType() {
        if (outputType == OutputType.VECTOR) {
            return SQLDataTypes.VectorType();
        }
        return DataTypes.createArrayType(dtype == DType.FLOAT32 ? DataTypes.FloatType : DataTypes.DoubleType, false);
    }

    /**
     * {@code data} with the network's outputs for {@link Builder#inputColumn} appended as
     * {@link Builder#outputColumn}; the rows and partitions of {@code data} in the same order.
     *
     * @throws IllegalArgumentException when the input column is missing or not numeric rows, or the output column
     *                                  exists
     */
    public Dataset<Row> transform(Dataset<Row> data) {
        StructType schema = transformSchema(data.schema());
        FeatureColumn column = FeatureColumn.of(data.schema(), inputColumn);
        PredictPartition predict = new PredictPartition(source(data.sparkSession().sparkContext()), column, dtype,
                batchSize, outputType);
        return data.mapPartitions(predict, Encoders.row(schema));
    }

    private synchronized ExecutorModels.Source source(SparkContext context) {
        if (source == null || broadcastContext != context) {
            var bytes = JavaSparkContext.fromSparkContext(context).broadcast(model);
            source = new ExecutorModels.Source(key + "/" + bytes.id(), bytes, backend, layers);
            broadcastContext = context;
        }
        return source;
    }

    /** The executors' cache key of the model broadcast to the last context, or {@code null} before any transform. */
    synchronized String executorKey() {
        return source == null ? null : source.key();
    }

    @Override
    public String toString() {
        return "SparkPredictor[" + inputColumn + " -> " + outputColumn + ", layers 0.." + (layers - 1) + ", batch "
                + batchSize + ", backend " + (backend == null ? "(executor default)" : backend) + "]";
    }

    /** Settings of a {@link SparkPredictor}. */
    public static final class Builder {
        private final byte[] model;
        private final ModelInfo info;
        private int layers;
        private String inputColumn = "features";
        private String outputColumn = "prediction";
        private int batchSize = 1024;
        private String backend;
        private OutputType outputType = OutputType.VECTOR;

        private Builder(byte[] model, ModelInfo info) {
            this.model = model;
            this.info = info;
        }

        /** Runs only the first {@code k} layers (e.g. 4 for the autoencoder's encoder); default: all of them. */
        public Builder layers(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("layers: need at least one layer, got " + k);
            }
            this.layers = k;
            return this;
        }

        /** The column of features; default {@code features}. */
        public Builder inputColumn(String name) {
            this.inputColumn = Objects.requireNonNull(name, "inputColumn");
            return this;
        }

        /** The column to add; default {@code prediction}. */
        public Builder outputColumn(String name) {
            this.outputColumn = Objects.requireNonNull(name, "outputColumn");
            return this;
        }

        /** Rows per forward pass on an executor; default 1024, as {@link Network#predict(io.github.nn4j.api.tensor.Tensor)}. */
        public Builder batchSize(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("batchSize: must be positive, got " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /** The backend executors run the network on, by name; {@code null} for each executor's default. */
        public Builder backend(String name) {
            this.backend = name;
            return this;
        }

        /** How the outputs are stored; default {@link OutputType#VECTOR}. */
        public Builder outputType(OutputType type) {
            this.outputType = Objects.requireNonNull(type, "outputType");
            return this;
        }

        /** The predictor. */
        public SparkPredictor build() {
            return new SparkPredictor(this);
        }
    }
}
