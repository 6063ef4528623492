package io.github.nn4j.spark.example;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.EpochStats;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingListener;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.datasets.mnist.Mnist;
import io.github.nn4j.datasets.mnist.MnistDataset;
import io.github.nn4j.datasets.mnist.MnistNotFoundException;
import io.github.nn4j.spark.AveragingHistory;
import io.github.nn4j.spark.AveragingListener;
import io.github.nn4j.spark.ParameterAveraging;
import io.github.nn4j.spark.RoundStats;
import io.github.nn4j.spark.SparkPredictor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The end-to-end example of nn-spark: trains the MNIST autoencoder (784-128-64-128-784, ReLU, sigmoid output, summed
 * squared error, SGD: the report's recipe) on Spark by parameter averaging, evaluates it on the test images, and
 * encodes them into 64-d codes through Spark. With {@code --local-fit} it trains with {@code Network.fit} on the
 * driver instead, the single-machine baseline. Options: {@link ExampleOptions#USAGE}.
 *
 * <p>Run it with {@code nn-spark/run-example.sh --master local[2]} (the README's "Spark" section), or submit the
 * example jar to a cluster with {@code spark-submit}. Prints its progress on stdout; exit status 2 for a bad
 * option, 3 when MNIST is not found.
 */
public final class MnistAutoencoderOnSpark {
    private static final PrintStream OUT = System.out;

    private MnistAutoencoderOnSpark() {
    }

    public static void main(String[] args) throws IOException {
        if (List.of(args).contains("--help")) {
            OUT.print(ExampleOptions.USAGE);
            return;
        }
        ExampleOptions options;
        try {
            options = ExampleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(ExampleOptions.USAGE);
            System.exit(2);
            return;
        }
        Mnist mnist;
        try {
            MnistDataset.Options data = MnistDataset.options();
            mnist = (options.data() != null ? data.directory(options.data()) : data).load();
        } catch (MnistNotFoundException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(3);
            return;
        }
        run(options, mnist);
    }

    private static void run(ExampleOptions o, Mnist mnist) throws IOException {
        MnistImages train = MnistImages.of(mnist.train(), o.trainImages());
        MnistImages test = MnistImages.of(mnist.test(), Integer.MAX_VALUE);
        OUT.printf("MNIST: %,d training and %,d test images%n", train.count(), test.count());

        SparkSession.Builder builder = SparkSession.builder().appName("nn4j MNIST autoencoder");
        if (o.master() != null) {
            builder.master(o.master());
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            Backend be = o.backend() == null ? Backends.get() : Backends.get(o.backend());
            OUT.printf("Spark %s, master %s, default parallelism %d; nn4j backend %s%n", spark.version(),
                    spark.sparkContext().master(), spark.sparkContext().defaultParallelism(), be.description());
            Dataset<Row> trainRows = images(spark, train);
            Dataset<Row> testRows = images(spark, test);
            try (Network autoencoder = autoencoder(be, o.seed()); Sgd sgd = new Sgd(o.learningRate())) {
                long start = System.nanoTime();
                if (o.localFit()) {
                    fitLocally(autoencoder, sgd, train, be, o);
                } else {
                    fitOnSpark(autoencoder, sgd, trainRows, o);
                }
                OUT.printf(Locale.ROOT, "trained %d epochs in %.1f s%n", o.epochs(), (System.nanoTime() - start) / 1e9);
                OUT.printf(Locale.ROOT, "test loss (squared error per image): %.3f%n", testLoss(autoencoder, test, be));
                encode(autoencoder, testRows, o);
            }
        } finally {
            spark.stop();
        }
    }

    /** The report's autoencoder; layer {@code i}'s weights drawn with seed {@code seed + i}. */
    public static Network autoencoder(Backend be, long seed) {
        return Network.of(new Dense(be, 784, 128, seed), new ReLU(), new Dense(be, 128, 64, seed + 1), new ReLU(),
                new Dense(be, 64, 128, seed + 2), new ReLU(), new Dense(be, 128, 784, seed + 3), new Sigmoid());
    }

    /**
     * The images as rows {@code (label int, pixels array<float>)} in scaled [0, 1] values. The driver read them; they
     * reach the executors in chunks of raw bytes (a quarter of the floats' size) and become floats there.
     */
    public static Dataset<Row> images(SparkSession spark, MnistImages images) {
        int chunk = 1000;
        List<MnistImages> chunks = new ArrayList<>();
        int d = images.pixelsPerImage();
        for (int from = 0; from < images.count(); from += chunk) {
            int n = Math.min(chunk, images.count() - from);
            byte[] pixels = Arrays.copyOfRange(images.pixels(), from * d, (from + n) * d);
            byte[] labels = Arrays.copyOfRange(images.labels(), from, from + n);
            chunks.add(new MnistImages(n, images.rows(), images.cols(), pixels, labels));
        }
        StructType schema = new StructType().add("label", DataTypes.IntegerType, false)
                .add("pixels", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        var rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(chunks, chunks.size())
                .flatMap(c -> {
                    List<Row> out = new ArrayList<>(c.count());
                    for (int i = 0; i < c.count(); i++) {
                        out.add(RowFactory.create(c.label(i), c.scaled(i)));
                    }
                    return out.iterator();
                });
        return spark.createDataFrame(rows, schema);
    }

    private static void fitOnSpark(Network autoencoder, Sgd sgd, Dataset<Row> trainRows, ExampleOptions o) {
        ParameterAveraging training = ParameterAveraging.builder(o.epochs())
                .partitions(o.partitions())
                .batchSize(o.batchSize())
                .averagingPeriod(o.averagingPeriod())
                .seed(o.seed())
                .backend(o.backend())
                .listener(new EpochPrinter())
                .build();
        OUT.println("training on Spark: " + training);
        long start = System.nanoTime();
        AveragingHistory h = training.fit(autoencoder, sgd, MeanSquaredError::new, trainRows, "pixels", "pixels");
        OUT.printf(Locale.ROOT, "spreading the rows over the partitions, once before the first round: %.1f s%n",
                (System.nanoTime() - start - h.elapsedNanos()) / 1e9);
    }

    private static void fitLocally(Network autoencoder, Sgd sgd, MnistImages train, Backend be, ExampleOptions o) {
        OUT.printf("training with Network.fit on the driver: batch %d, seed %d%n", o.batchSize(), o.seed());
        try (Tensor x = be.fromArray(train.scaled(), Shape.matrix(train.count(), train.pixelsPerImage()))) {
            autoencoder.fit(x, x, new MeanSquaredError(), sgd, TrainingConfig.builder(o.epochs()).batchSize(o.batchSize())
                    .seed(o.seed()).listener(new TrainingListener() {
                        @Override
                        public void onEpochEnd(EpochStats s) {
                            OUT.printf(Locale.ROOT, "epoch %d/%d: loss %.3f, %.2f s%n", s.epoch(), s.epochs(), s.loss(),
                                    s.elapsedNanos() / 1e9);
                        }
                    }).build());
        }
    }

    private static double testLoss(Network autoencoder, MnistImages test, Backend be) {
        try (Tensor x = be.fromArray(test.scaled(), Shape.matrix(test.count(), test.pixelsPerImage()))) {
            return autoencoder.evaluate(x, x, new MeanSquaredError(), 256);
        }
    }

    private static void encode(Network autoencoder, Dataset<Row> testRows, ExampleOptions o) throws IOException {
        SparkPredictor encoder = SparkPredictor.builder(autoencoder).layers(4).inputColumn("pixels")
                .outputColumn("code").build();
        Dataset<Row> codes = encoder.transform(testRows).select("label", "code");
        long start = System.nanoTime();
        String written = "";
        if (o.out() != null) {
            Files.createDirectories(o.out());
            Path model = o.out().resolve("autoencoder.safetensors");
            Path parquet = o.out().resolve("codes.parquet");
            ModelFiles.save(autoencoder, model);
            codes.write().mode("overwrite").parquet(parquet.toString());
            codes = codes.sparkSession().read().parquet(parquet.toString());
            written = " (written to " + parquet + "; the model to " + model + ")";
        }
        long count = codes.count();
        List<Row> sample = codes.limit(3).collectAsList();
        OUT.printf(Locale.ROOT, "encoded %,d test images through Spark in %.1f s%s; three of the codes:%n", count,
                (System.nanoTime() - start) / 1e9, written);
        for (Row r : sample) {
            double[] code = ((Vector) r.getAs("code")).toArray();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                sb.append(String.format(Locale.ROOT, "%.3f ", code[i]));
            }
            OUT.printf("  digit %d: [%s... ] (%d values)%n", r.getInt(0), sb, code.length);
        }
    }

    /** Prints a line per epoch from the rounds' statistics. */
    private static final class EpochPrinter implements AveragingListener {
        private final List<RoundStats> rounds = new ArrayList<>();
        private double previous;

        @Override
        public void onRoundEnd(RoundStats stats) {
            rounds.add(stats);
            boolean epochDone = Math.floor(stats.epoch()) > Math.floor(previous);
            previous = stats.epoch();
            if (epochDone || stats.round() == stats.rounds()) {
                double lossSum = 0;
                long samples = 0;
                long elapsed = 0;
                long overhead = 0;
                for (RoundStats r : rounds) {
                    lossSum += r.loss() * r.samples();
                    samples += r.samples();
                    elapsed += r.elapsedNanos();
                    overhead += r.overheadNanos();
                }
                OUT.printf(Locale.ROOT, "epoch %.2f: loss %.3f, %.2f s in %d rounds of %d partitions (%.1f ms a round, "
                                + "%.1f ms of it outside the training steps)%n", stats.epoch(), lossSum / samples,
                        elapsed / 1e9, rounds.size(), stats.partitions(), elapsed / 1e6 / rounds.size(),
                        overhead / 1e6 / rounds.size());
                rounds.clear();
            }
        }
    }
}
