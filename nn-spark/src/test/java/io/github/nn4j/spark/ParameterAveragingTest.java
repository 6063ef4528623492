package io.github.nn4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.EpochStats;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingDivergedException;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParameterAveragingTest {
    private static final int ROWS = 100;
    private static final int FEATURES = 6;
    private static final int OUTPUTS = 3;
    private static SparkSession spark;
    private static Backend be;
    private static double[][] x;
    private static double[][] y;

    @BeforeAll
    static void setUp() {
        spark = LocalSpark.session();
        be = Backends.get("pure");
        SplittableRandom random = new SplittableRandom(9);
        x = new double[ROWS][FEATURES];
        y = new double[ROWS][OUTPUTS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = random.nextDouble(-1, 1);
            }
            for (int j = 0; j < OUTPUTS; j++) {
                y[i][j] = random.nextDouble();
            }
        }
    }

    /** Inputs as array<float> in 3 input partitions, targets as Spark ML vectors. */
    private static Dataset<Row> dataset() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            float[] features = new float[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                features[j] = (float) x[i][j];
            }
            rows.add(RowFactory.create(features, Vectors.dense(y[i])));
        }
        StructType schema = new StructType().add("x", DataTypes.createArrayType(DataTypes.FloatType))
                .add("y", SQLDataTypes.VectorType());
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, 3),
                schema);
    }

    private static Network network(DType dtype) {
        return Network.of(new Dense(be, dtype, FEATURES, 8, WeightInit.XAVIER_UNIFORM, 11), new Tanh(),
                new Dense(be, dtype, 8, OUTPUTS, WeightInit.XAVIER_UNIFORM, 12), new Sigmoid());
    }

    private static Network copy(Network net) throws Exception {
        return ModelFiles.fromBytes(ModelFiles.toBytes(net), be);
    }

    private static long[] bits(Tensor t) {
        double[] v = t.toDoubleArray();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }

    private static void assertSameState(Network actual, Optimizer actualOpt, Network expected, Optimizer expectedOpt) {
        assertThat(actualOpt.steps()).isEqualTo(expectedOpt.steps());
        for (int i = 0; i < expected.parameters().size(); i++) {
            Parameter e = expected.parameters().get(i);
            Parameter a = actual.parameters().get(i);
            assertThat(bits(a.value())).as("parameter %d (%s)", i, e.name()).isEqualTo(bits(e.value()));
            for (String name : expectedOpt.stateNames()) {
                assertThat(bits(actualOpt.state(a, name))).as("%s of parameter %d", name, i)
                        .isEqualTo(bits(expectedOpt.state(e, name)));
            }
        }
    }

    /** With one partition, training is Network.fit on the same rows, batches and seed, bit for bit. */
    private void onePartitionEqualsFit(DType dtype, Optimizer sparkOpt, Optimizer localOpt, int batch, int period)
            throws Exception {
        try (Network spark1 = network(dtype); Network local = copy(spark1);
             Tensor xs = be.fromArray(dtype, flat(x, dtype), Shape.matrix(ROWS, FEATURES));
             Tensor ys = be.fromArray(dtype, flat(y, dtype), Shape.matrix(ROWS, OUTPUTS))) {
            List<RoundStats> rounds = new ArrayList<>();
            AveragingHistory h = ParameterAveraging.builder(3).partitions(1).batchSize(batch).averagingPeriod(period)
                    .seed(17).listener(rounds::add).build()
                    .fit(spark1, sparkOpt, MeanSquaredError::new, dataset(), "x", "y");
            TrainingHistory expected = local.fit(xs, ys, new MeanSquaredError(), localOpt,
                    TrainingConfig.builder(3).batchSize(batch).seed(17).build());

            assertSameState(spark1, sparkOpt, local, localOpt);
            int perEpoch = (ROWS + batch - 1) / batch;
            assertThat(h.rounds()).isEqualTo(rounds).hasSize((3 * perEpoch + period - 1) / period);
            assertThat(rounds.get(rounds.size() - 1).epoch()).isEqualTo(3.0);
            assertThat(rounds).allSatisfy(r -> {
                assertThat(r.partitions()).isEqualTo(1);
                assertThat(r.elapsedNanos()).isGreaterThanOrEqualTo(r.trainNanos()).isPositive();
            });
            if (period == perEpoch) {
                // a round is an epoch: the same losses, summed in the same order
                assertThat(rounds).extracting(RoundStats::loss)
                        .containsExactlyElementsOf(expected.epochs().stream().map(EpochStats::loss).toList());
            }
        }
    }

    private static double[] flat(double[][] rows, DType dtype) {
        int w = rows[0].length;
        double[] out = new double[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < w; j++) {
                // the dataset holds the inputs as floats
                out[i * w + j] = rows == x ? (float) rows[i][j] : rows[i][j];
            }
        }
        return out;
    }

    @Test
    void onePartitionIsFitBitForBitWithAdamAcrossEpochBoundaries() throws Exception {
        // 7 batches per epoch (the last of 4 rows), rounds of 3 batches that straddle the epochs
        onePartitionEqualsFit(DType.FLOAT32, new Adam(0.01), new Adam(0.01), 16, 3);
    }

    @Test
    void onePartitionIsFitBitForBitWithMomentumInDoubles() throws Exception {
        onePartitionEqualsFit(DType.FLOAT64, new Sgd(0.1, 0.9), new Sgd(0.1, 0.9), 16, 7);
    }

    @Test
    void onePartitionIsFitBitForBitFullBatch() throws Exception {
        onePartitionEqualsFit(DType.FLOAT32, new Sgd(0.5), new Sgd(0.5), 500, 2);
    }

    @Test
    void twoPartitionsAreReproducibleAndAverageEveryRound() throws Exception {
        long[][] runs = new long[2][];
        for (int run = 0; run < 2; run++) {
            try (Network net = network(DType.FLOAT32); Adam adam = new Adam(0.01)) {
                List<RoundStats> rounds = new ArrayList<>();
                ParameterAveraging.builder(2).partitions(2).batchSize(10).averagingPeriod(2).listener(rounds::add)
                        .build().fit(net, adam, MeanSquaredError::new, dataset(), "x", "y");
                // 50 rows per partition: 5 batches per epoch, 10 per fit, in rounds of 2
                assertThat(rounds).hasSize(5).allSatisfy(r -> {
                    assertThat(r.partitions()).isEqualTo(2);
                    assertThat(r.samples()).isEqualTo(2 * 2 * 10);
                });
                assertThat(rounds).extracting(RoundStats::epoch).containsExactly(0.4, 0.8, 1.2, 1.6, 2.0);
                assertThat(adam.steps()).as("each partition's 10 steps, averaged").isEqualTo(10);
                runs[run] = bits(net.parameters().get(0).value());
            }
        }
        assertThat(runs[1]).isEqualTo(runs[0]);
    }

    @Test
    void aNonFiniteLossStopsTrainingWithTheEpochAndBatch() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(RowFactory.create((Object) new float[] {i == 25 ? Float.NaN : 0.5f, 1, 2, 3, 4, 5}));
        }
        Dataset<Row> data = spark.createDataFrame(rows, new StructType().add("x",
                DataTypes.createArrayType(DataTypes.FloatType)));
        try (Network net = Network.of(new Dense(be, FEATURES, FEATURES, 1), new Sigmoid()); Sgd sgd = new Sgd(0.1)) {
            assertThatThrownBy(() -> ParameterAveraging.builder(1).partitions(1).batchSize(10).shuffle(false).build()
                    .fit(net, sgd, MeanSquaredError::new, data, "x", "x"))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("epoch 1, batch 3: loss is NaN");
        }
    }

    @Test
    void badSettingsAndDataAreRefusedWithTheProblem() {
        try (Network net = network(DType.FLOAT32); Sgd sgd = new Sgd(0.1)) {
            assertThatThrownBy(() -> ParameterAveraging.builder(1).partitions(101).build()
                    .fit(net, sgd, MeanSquaredError::new, dataset(), "x", "y"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("100 rows cannot fill 101 partitions");
            assertThatThrownBy(() -> ParameterAveraging.builder(1).build()
                    .fit(net, sgd, MeanSquaredError::new, dataset(), "x", "label"))
                    .hasMessageContaining("no column 'label'");
            assertThatThrownBy(() -> ParameterAveraging.builder(0)).hasMessageContaining("epochs: need at least 1");
            assertThatThrownBy(() -> ParameterAveraging.builder(1).averagingPeriod(0))
                    .hasMessageContaining("averagingPeriod: must be positive");
        }
    }
}
