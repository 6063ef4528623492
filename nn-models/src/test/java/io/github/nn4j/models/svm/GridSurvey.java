package io.github.nn4j.models.svm;

import io.github.nn4j.api.metric.ConfusionMatrix;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.datasets.TrainValidationSplit;
import io.github.nn4j.datasets.mnist.DataDirectory;
import io.github.nn4j.datasets.mnist.Mnist;
import io.github.nn4j.datasets.mnist.MnistCatalog;
import io.github.nn4j.datasets.mnist.MnistLoader;
import io.github.nn4j.datasets.mnist.MnistLocator;
import io.github.nn4j.models.autoencoder.AutoencoderExperiment;
import io.github.nn4j.models.autoencoder.AutoencoderSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: the survey behind the SVM grid of {@code ./nn4j reproduce} (docs/svm-grid.md). It builds the
 * pipeline's two feature sets as the app does (split with the seed, the autoencoder's latent codes on the pure
 * backend, PCA-64), then prints one Markdown row per (features, scaling, training vectors, gamma·d, C): the
 * validation accuracy of a fit on a seeded subset (the one {@link SvmExperiment} draws) and its cost in process CPU
 * seconds. Each {@code grid=SCALINGS/SIZES/GAMMA_FACTORS/CS} argument (comma-separated lists) is one block of rows;
 * {@code full=GAMMA_FACTORS} adds fits of uniform scaling and C = 10 on all training vectors, with their test
 * accuracy.
 *
 * <pre>
 * mvn -B -q -pl nn-models -am package -DskipTests &amp;&amp; mvn -B -q -pl nn-models test-compile
 * java --add-modules jdk.incubator.vector -XX:PerMethodTrapLimit=10000 \
 *   -cp nn-models/target/test-classes:nn-models/target/classes:'nn-models/target/lib/*' \
 *   io.github.nn4j.models.svm.GridSurvey grid=UNIFORM,PER_FEATURE/20000/1,1.5,2/10 \
 *   grid=UNIFORM/5000,10000/0.75,1,1.5,2,3/3,10,30 full=1,1.5,2
 * </pre>
 * Other arguments: {@code data=DIR} (default {@code ../shared/data/mnist}), {@code epochs=50}, {@code seed=42}
 * (the app's).
 */
public final class GridSurvey {
    private GridSurvey() {
    }

    /** Runs the survey; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>(Map.of("data", "../shared/data/mnist", "epochs", "50", "seed",
                "42", "full", ""));
        List<String[]> grids = new ArrayList<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length == 2 && kv[0].equals("grid") && kv[1].split("/").length == 4) {
                grids.add(kv[1].split("/"));
            } else if (kv.length == 2 && a.containsKey(kv[0])) {
                a.put(kv[0], kv[1]);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; known: grid=SCALINGS/SIZES/"
                        + "GAMMA_FACTORS/CS and " + a.keySet());
            }
        }
        long seed = Long.parseLong(a.get("seed"));
        Path dir = Path.of(a.get("data"));
        Mnist mnist = MnistLoader.load(new MnistLocator(MnistCatalog.OFFICIAL, List.of(new DataDirectory(dir, "data=")),
                dir, null).locate());
        TrainValidationSplit split = TrainValidationSplit.stratified(mnist.train(), 4_000, seed);
        Backend pure = Backends.get("pure");
        Map<String, FeatureSet> features = new LinkedHashMap<>();
        features.put("latent", new AutoencoderExperiment(pure, new AutoencoderSettings(Integer.parseInt(a.get("epochs")),
                AutoencoderSettings.DEFAULT_BATCH_SIZE, AutoencoderSettings.REPORT_LEARNING_RATE, seed), List.of())
                .run(split, mnist.test()).codes());
        features.put("PCA-64", PcaFeatures.project(pure, split, mnist.test(), 64));

        System.out.println("| features | scaling | training vectors | γ·d | C | validation accuracy | test accuracy "
                + "| fit, CPU s | distinct SVs | load |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, FeatureSet> e : features.entrySet()) {
            FeatureSet f = e.getValue();
            for (String[] grid : grids) {
                for (String scaling : grid[0].split(",")) {
                    Standardizer standardizer = Standardizer.fit(f.train(), FeatureScaling.valueOf(scaling));
                    double[][] train = standardizer.apply(f.train());
                    double[][] validation = standardizer.apply(f.validation());
                    for (int size : ints(grid[1])) {
                        int[] subset = SvmExperiment.subset(train.length, size, seed);
                        for (double c : doubles(grid[3])) {
                            for (double g : doubles(grid[2])) {
                                row(pure, e.getKey(), scaling, train, f.trainLabels(), subset, g, c, seed, validation,
                                        f.validationLabels(), null, null);
                            }
                        }
                    }
                }
            }
            Standardizer uniform = Standardizer.fit(f.train(), FeatureScaling.UNIFORM);
            double[][] train = uniform.apply(f.train());
            for (double g : doubles(a.get("full"))) {
                int[] all = SvmExperiment.subset(train.length, train.length, seed);
                row(pure, e.getKey(), "UNIFORM", train, f.trainLabels(), all, g, 10, seed, uniform.apply(f.validation()),
                        f.validationLabels(), uniform.apply(f.test()), f.testLabels());
            }
        }
    }

    private static void row(Backend backend, String name, String scaling, double[][] x, int[] y, int[] subset,
            double gammaFactor, double c, long seed, double[][] validation, int[] validationLabels, double[][] test,
            int[] testLabels) {
        double[][] sx = new double[subset.length][];
        int[] sy = new int[subset.length];
        for (int i = 0; i < subset.length; i++) {
            sx[i] = x[subset[i]];
            sy[i] = y[subset[i]];
        }
        int threads = Runtime.getRuntime().availableProcessors();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        OneVsOneRbfSvm svm = OneVsOneRbfSvm.fit(backend, sx, sy, 10, new RbfSvmParams(gammaFactor / x[0].length, c),
                seed, threads, SvmProgressListener.NONE);
        double fitCpu = (os.getProcessCpuTime() - cpu) / 1e9;
        double val = ConfusionMatrix.of(validationLabels, svm.predict(validation, threads), 10).accuracy();
        String testAccuracy = test == null ? "" : String.format(Locale.ROOT, "%.4f",
                ConfusionMatrix.of(testLabels, svm.predict(test, threads), 10).accuracy());
        System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.2f | %.0f | %.4f | %s | %.1f | %,d | %.1f |%n", name,
                scaling.toLowerCase(Locale.ROOT), subset.length, gammaFactor, c, val, testAccuracy, fitCpu,
                svm.distinctSupportVectors(), os.getSystemLoadAverage());
    }

    private static int[] ints(String csv) {
        return csv.isBlank() ? new int[0] : Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static List<Double> doubles(String csv) {
        List<Double> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(Double.parseDouble(s));
            }
        }
        return out;
    }
}
