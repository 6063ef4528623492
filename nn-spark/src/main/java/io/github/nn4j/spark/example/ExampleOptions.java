package io.github.nn4j.spark.example;

import java.nio.file.Path;

/**
 * The command line of {@link MnistAutoencoderOnSpark}.
 *
 * @param master          Spark master URL, or {@code null} for spark-submit's (else {@code local[*]})
 * @param data            MNIST directory, or {@code null} to search the usual places
 * @param epochs          training epochs
 * @param partitions      partitions that train in parallel (0: Spark's default parallelism)
 * @param batchSize       mini-batch size
 * @param averagingPeriod mini-batches per partition between two averagings
 * @param trainImages     how many training images to use (the first ones)
 * @param learningRate    SGD learning rate
 * @param seed            seed of the weights and the shuffles
 * @param backend         backend name, or {@code null} for the default
 * @param out             where to write the model and the codes, or {@code null}
 * @param localFit        train with {@code Network.fit} on the driver instead of Spark (the baseline)
 */
record ExampleOptions(String master, Path data, int epochs, int partitions, int batchSize, int averagingPeriod,
                      int trainImages, double learningRate, long seed, String backend, Path out, boolean localFit) {

    static final String USAGE = """
            Usage: MnistAutoencoderOnSpark [options]
            Trains the MNIST autoencoder 784-128-64-128-784 on Spark by parameter averaging, then encodes the test
            images into 64-d codes through Spark.
              --master URL             Spark master (default: spark-submit's, else local[*])
              --data DIR               MNIST directory (default: $NN4J_DATA, ../shared/data/mnist, ~/.cache/nn4j/mnist,
                                       downloading into that cache when it is in none of them)
              --epochs N               epochs (default 3)
              --partitions P           partitions training in parallel (default: Spark's default parallelism)
              --batch-size B           mini-batch size (default 64)
              --averaging-period K     mini-batches per partition between averagings (default 8)
              --train-images N         use the first N of the 60,000 training images (default all)
              --learning-rate LR       SGD learning rate (default 0.05, the report's)
              --seed S                 seed of the weights and shuffles (default 42)
              --backend NAME           nn4j backend (default: the highest-priority available one)
              --out DIR                write autoencoder.safetensors and codes.parquet there
              --local-fit              train with Network.fit on the driver instead (the single-machine baseline)
              --help                   this text
            """;

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming the option and the problem
     */
    static ExampleOptions parse(String[] args) {
        String master = null;
        Path data = null;
        int epochs = 3;
        int partitions = 0;
        int batchSize = 64;
        int averagingPeriod = 8;
        int trainImages = 60_000;
        double learningRate = 0.05;
        long seed = 42;
        String backend = null;
        Path out = null;
        boolean localFit = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--local-fit")) {
                localFit = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value"
                        : "unexpected argument '" + option + "'");
            }
            String value = args[++i];
            switch (option) {
                case "--master" -> master = value;
                case "--data" -> data = Path.of(value);
                case "--epochs" -> epochs = positive(option, value);
                case "--partitions" -> partitions = positive(option, value);
                case "--batch-size" -> batchSize = positive(option, value);
                case "--averaging-period" -> averagingPeriod = positive(option, value);
                case "--train-images" -> trainImages = positive(option, value);
                case "--learning-rate" -> learningRate = positiveDouble(option, value);
                case "--seed" -> seed = parseLong(option, value);
                case "--backend" -> backend = value;
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'");
            }
        }
        return new ExampleOptions(master, data, epochs, partitions, batchSize, averagingPeriod, trainImages,
                learningRate, seed, backend, out, localFit);
    }

    private static int positive(String option, String value) {
        long n = parseLong(option, value);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be a positive integer, got " + value);
        }
        return (int) n;
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, got '" + value + "'");
        }
    }

    private static double positiveDouble(String option, String value) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + value + "'");
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(option + " must be positive and finite, got " + value);
        }
        return d;
    }
}
