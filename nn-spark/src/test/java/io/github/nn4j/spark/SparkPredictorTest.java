package io.github.nn4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkPredictorTest {
    private static final int ROWS = 301;
    private static final int FEATURES = 12;
    private static SparkSession spark;
    private static Backend be;
    private static Network net;
    private static double[][] data;

    @BeforeAll
    static void setUp() {
        spark = LocalSpark.session();
        be = Backends.get("pure");
        net = Network.of(new Dense(be, FEATURES, 16, 1), new ReLU(), new Dense(be, 16, 5, 2), new Sigmoid());
        SplittableRandom random = new SplittableRandom(3);
        data = new double[ROWS][FEATURES];
        for (double[] row : data) {
            for (int j = 0; j < FEATURES; j++) {
                row[j] = random.nextDouble(-2, 2);
            }
        }
    }

    @AfterAll
    static void tearDown() {
        net.close();
    }

    /** id and features as array<float>, in 5 partitions (parallelize's slices: deterministic contents and order). */
    private static Dataset<Row> floatArrays() {
        return floatArrays(5);
    }

    private static Dataset<Row> floatArrays(int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            float[] values = new float[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                values[j] = (float) data[i][j];
            }
            rows.add(RowFactory.create((long) i, values));
        }
        StructType schema = new StructType().add("id", DataTypes.LongType)
                .add("features", DataTypes.createArrayType(DataTypes.FloatType));
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions),
                schema);
    }

    private static Dataset<Row> vectors(boolean sparse) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Vector v = Vectors.dense(data[i]);
            rows.add(RowFactory.create((long) i, sparse ? v.toSparse() : v));
        }
        StructType schema = new StructType().add("id", DataTypes.LongType).add("features", SQLDataTypes.VectorType());
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 3),
                schema);
    }

    /**
     * The single-machine answer for the rows of {@code input}: {@code predict(rows, batchSize)} on each partition's
     * rows, so that every row is in a batch of the same size as on the executor. (A row's last bits may depend on
     * its batch's size: the pure backend's tiny products and short activations take other kernels.)
     */
    private static double[][] localPredict(Network network, Dataset<Row> input, int batchSize) {
        double[][] out = new double[ROWS][];
        for (List<Row> partition : input.javaRDD().glom().collect()) {
            if (partition.isEmpty()) {
                continue;
            }
            int n = partition.size();
            double[] flat = new double[n * FEATURES];
            for (int i = 0; i < n; i++) {
                System.arraycopy(data[(int) partition.get(i).getLong(0)], 0, flat, i * FEATURES, FEATURES);
            }
            DType dtype = network.parameters().get(0).value().dtype();
            try (Tensor x = be.fromArray(dtype, flat, Shape.matrix(n, FEATURES));
                 Tensor y = network.predict(x, batchSize)) {
                double[] all = y.toDoubleArray();
                int w = all.length / n;
                for (int i = 0; i < n; i++) {
                    out[(int) partition.get(i).getLong(0)] = Arrays.copyOfRange(all, i * w, (i + 1) * w);
                }
            }
        }
        return out;
    }

    /** The outputs in {@code column} by row id, widened to double (exactly, for float outputs). */
    private static double[][] byId(List<Row> rows, String column) {
        double[][] out = new double[ROWS][];
        for (Row r : rows) {
            Object cell = r.getAs(column);
            double[] values;
            if (cell instanceof Vector v) {
                values = v.toArray();
            } else {
                List<Object> list = r.getList(r.fieldIndex(column));
                values = list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
            }
            int id = (int) r.getLong(r.fieldIndex("id"));
            assertThat(out[id]).as("row %d appears once", id).isNull();
            out[id] = values;
        }
        return out;
    }

    private static void assertBitIdentical(double[][] actual, double[][] expected) {
        for (int i = 0; i < ROWS; i++) {
            assertThat(actual[i]).as("row %d", i).isNotNull().hasSameSizeAs(expected[i]);
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(Double.doubleToRawLongBits(actual[i][j])).as("row %d output %d", i, j)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i][j]));
            }
        }
    }

    @Test
    void floatArrayColumnGetsPredictsOutputsBitForBitInTheRowsOrder() {
        SparkPredictor predictor = SparkPredictor.builder(net).batchSize(7).build();
        Dataset<Row> input = floatArrays();
        Dataset<Row> out = predictor.transform(input);
        double[][] expected = localPredict(net, input, 7);

        assertThat(out.schema().fieldNames()).containsExactly("id", "features", "prediction");
        assertThat(out.schema().apply("prediction").dataType()).isEqualTo(SQLDataTypes.VectorType());
        List<Row> rows = out.collectAsList();
        assertThat(rows).extracting(r -> r.getLong(0)).containsExactlyElementsOf(
                input.collectAsList().stream().map(r -> r.getLong(0)).toList());
        assertBitIdentical(byId(rows, "prediction"), expected);
    }

    @Test
    void vectorColumnsDenseAndSparseGivePredictsOutputs() {
        double[][] expected = localPredict(net, vectors(false), 1024);
        SparkPredictor predictor = SparkPredictor.builder(net).outputColumn("p").outputType(OutputType.ARRAY).build();
        for (boolean sparse : new boolean[] {false, true}) {
            Dataset<Row> out = predictor.transform(vectors(sparse));
            assertThat(out.schema().apply("p").dataType())
                    .isEqualTo(DataTypes.createArrayType(DataTypes.FloatType, false));
            assertBitIdentical(byId(out.collectAsList(), "p"), expected);
        }
    }

    @Test
    void theFirstLayersGiveTheSlicesOutputs() {
        SparkPredictor encoder = SparkPredictor.builder(net).layers(2).outputColumn("code").batchSize(50).build();
        double[][] actual = byId(encoder.transform(floatArrays()).collectAsList(), "code");
        try (Network slice = net.slice(0, 2)) {
            assertBitIdentical(actual, localPredict(slice, floatArrays(), 50));
        }
        assertThat(actual[0]).hasSize(16);
    }

    @Test
    void aModelLoadsOncePerJvmNotPerTaskPartitionOrBatch() throws Exception {
        SparkPredictor predictor = SparkPredictor.builder(ModelFiles.toBytes(net)).batchSize(5).build();
        Dataset<Row> input = floatArrays(8);
        assertThat(predictor.transform(input).count()).isEqualTo(ROWS);
        assertThat(predictor.transform(input).collectAsList()).hasSize(ROWS);
        // 2 task threads, 8 partitions, about 60 batches, two jobs: one network, shared by the concurrent tasks
        assertThat(ExecutorModels.loads(predictor.executorKey())).isEqualTo(1);
    }

    @Test
    void aFloat64NetworkComputesInDoubles() {
        Network wide = Network.of(new Dense(be, DType.FLOAT64, FEATURES, 3, WeightInit.XAVIER_UNIFORM, 5), new Sigmoid());
        try (wide) {
            SparkPredictor predictor = SparkPredictor.builder(wide).outputType(OutputType.ARRAY).build();
            Dataset<Row> out = predictor.transform(vectors(false));
            assertThat(out.schema().apply("prediction").dataType())
                    .isEqualTo(DataTypes.createArrayType(DataTypes.DoubleType, false));
            assertBitIdentical(byId(out.collectAsList(), "prediction"), localPredict(wide, vectors(false), 1024));
        }
    }

    @Test
    void badColumnsAreRefusedBeforeAnyWorkWithTheirNames() {
        SparkPredictor predictor = SparkPredictor.builder(net).inputColumn("pixels").build();
        assertThatThrownBy(() -> predictor.transform(floatArrays()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'pixels'");
        Dataset<Row> strings = spark.createDataFrame(List.of(RowFactory.create("x")),
                new StructType().add("features", DataTypes.StringType));
        assertThatThrownBy(() -> SparkPredictor.builder(net).build().transform(strings))
                .hasMessageContaining("column 'features' is string")
                .hasMessageContaining("array<float>, array<double> or a Spark ML vector");
        assertThatThrownBy(() -> SparkPredictor.builder(net).outputColumn("id").build().transform(floatArrays()))
                .hasMessageContaining("output column 'id' already exists");
        assertThatThrownBy(() -> SparkPredictor.builder(net).layers(5).build())
                .hasMessageContaining("the model has only 4 layers");
    }

    @Test
    void badRowsFailTheJobNamingColumnRowAndProblem() {
        StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.FloatType));
        List<Float> full = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            full.add(0.5f);
        }
        Dataset<Row> withNull = spark.createDataFrame(List.of(RowFactory.create(full), RowFactory.create((Object) null)),
                schema).coalesce(1);
        assertThatThrownBy(() -> SparkPredictor.builder(net).build().transform(withNull).collectAsList())
                .hasStackTraceContaining("column 'features' of row 1 of partition 0 is null");
        Dataset<Row> ragged = spark.createDataFrame(List.of(RowFactory.create(full),
                RowFactory.create(full.subList(0, FEATURES - 1))), schema).coalesce(1);
        assertThatThrownBy(() -> SparkPredictor.builder(net).build().transform(ragged).collectAsList())
                .hasStackTraceContaining("column 'features' of row 1 of partition 0 has 11 values, but the partition's"
                        + " first row has 12");
        Dataset<Row> narrow = spark.createDataFrame(List.of(RowFactory.create(full.subList(0, 3))), schema);
        assertThatThrownBy(() -> SparkPredictor.builder(net).build().transform(narrow).collectAsList())
                .hasStackTraceContaining("[1, 3]");
    }
}
