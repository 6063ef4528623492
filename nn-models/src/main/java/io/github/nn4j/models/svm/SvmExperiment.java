package io.github.nn4j.models.svm;

import io.github.nn4j.api.metric.ConfusionMatrix;
import io.github.nn4j.api.backend.Backend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains and tests an RBF {@link OneVsOneRbfSvm} on a {@link FeatureSet}:
 * <ol>
 *   <li>standardize the features with the training vectors' means and standard deviations, per feature
 *       (z-scores) or uniformly (one common factor), as each candidate asks;</li>
 *   <li>grid search: train (scaling, gamma, C) candidates on a seeded random subset of the training vectors
 *       and measure their accuracy on the validation vectors (the subset keeps the grid affordable: a fit costs
 *       more than linearly in the number of vectors). For each scaling and C, gamma goes up the list, which
 *       is also the order of cost (a larger gamma keeps more support vectors), and stops at the first value
 *       that does not beat the best smaller one by more than one standard error of that accuracy: the rule
 *       below would not choose it, and under a single peak a larger one would not change the choice;</li>
 *   <li>choose a candidate by the one-standard-error rule ({@link GridChoice}), train it on all training
 *       vectors and classify the test vectors.</li>
 * </ol>
 * The test vectors play no part in any choice.
 */
public final class SvmExperiment {
    private static final Logger LOG = LoggerFactory.getLogger(SvmExperiment.class);

    private final Backend backend;
    private final SvmSettings settings;
    private final SvmExperimentListener listener;

    /** An experiment with the given grid and threads; {@code backend} runs the matrix products of prediction. */
    public SvmExperiment(Backend backend, SvmSettings settings, SvmExperimentListener listener) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Runs the experiment on {@code data}.
     *
     * @param name       describes the features in the result, e.g. {@code "PCA-64"}
     * @param numClasses number of classes; labels are in {@code [0, numClasses)}
     */
    public SvmResult run(String name, FeatureSet data, int numClasses) {
        int d = data.dimension();
        int[] subset = subset(data.train().length, settings.gridTrainSize(), settings.seed());
        int[] gridY = new int[subset.length];
        for (int i = 0; i < subset.length; i++) {
            gridY[i] = data.trainLabels()[subset[i]];
        }
        List<GridPoint> grid = new ArrayList<>();
        // Support vectors per pair of each candidate's grid model: they rank the pairs by training time for the
        // next fit (see OneVsOneRbfSvm.fit's effort).
        Map<SvmCandidate, int[]> pairSupportVectors = new HashMap<>();
        double[] effort = null;
        long gridStart = System.nanoTime();
        for (FeatureScaling scaling : settings.scalings()) {
            Standardizer standardizer = Standardizer.fit(data.train(), scaling);
            double[][] gridX = standardizer.apply(rows(data.train(), subset));
            double[][] validation = standardizer.apply(data.validation());
            for (double c : settings.cValues()) {
                double lineBest = Double.NaN;
                for (double factor : settings.gammaFactors()) {
                    SvmCandidate candidate = new SvmCandidate(scaling, new RbfSvmParams(factor / d, c));
                    long start = System.nanoTime();
                    OneVsOneRbfSvm svm = OneVsOneRbfSvm.fit(backend, gridX, gridY, numClasses, candidate.params(),
                            settings.seed(), settings.threads(), SvmProgressListener.NONE, effort);
                    double fitSeconds = (System.nanoTime() - start) / 1e9;
                    pairSupportVectors.put(candidate, svm.supportVectorsPerPair());
                    effort = effort(pairSupportVectors.get(candidate), gridY, numClasses);
                    double accuracy = accuracy(svm, validation, data.validationLabels(), numClasses);
                    GridPoint point = new GridPoint(candidate, accuracy, fitSeconds);
                    grid.add(point);
                    LOG.info("{}: {} -> validation accuracy {} (fit {} s on {} vectors)", name, candidate, accuracy,
                            fitSeconds, gridX.length);
                    listener.gridPointDone(grid.size(), settings.gridSize(), point);
                    if (!Double.isNaN(lineBest)
                            && !GridChoice.clearlyBetter(accuracy, lineBest, data.validation().length)) {
                        LOG.info("{}: gamma·d = {} did not beat the smaller ones by more than one standard error; "
                                + "larger gamma not tried", name, factor);
                        break;
                    }
                    lineBest = Double.isNaN(lineBest) ? accuracy : Math.max(lineBest, accuracy);
                }
            }
        }
        double gridSeconds = (System.nanoTime() - gridStart) / 1e9;

        SvmCandidate chosen = GridChoice.choose(grid, data.validation().length).candidate();
        LOG.info("{}: best validation accuracy {}, one standard error {}; chosen: {}", name,
                GridChoice.bestAccuracy(grid), GridChoice.standardError(GridChoice.bestAccuracy(grid),
                        data.validation().length), chosen);
        Standardizer standardizer = Standardizer.fit(data.train(), chosen.scaling());
        double[][] train = standardizer.apply(data.train());
        long fitStart = System.nanoTime();
        OneVsOneRbfSvm svm = OneVsOneRbfSvm.fit(backend, train, data.trainLabels(), numClasses, chosen.params(),
                settings.seed(), settings.threads(), listener::finalFitProgress,
                effort(pairSupportVectors.get(chosen), data.trainLabels(), numClasses));
        double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
        long predictStart = System.nanoTime();
        int[] predicted = svm.predict(standardizer.apply(data.test()), settings.threads());
        double predictSeconds = (System.nanoTime() - predictStart) / 1e9;
        ConfusionMatrix confusion = ConfusionMatrix.of(data.testLabels(), predicted, numClasses);
        double validationAccuracy = accuracy(svm, standardizer.apply(data.validation()), data.validationLabels(),
                numClasses);
        LOG.info("{}: {} trained on {} vectors in {} s ({} distinct support vectors); test accuracy {}", name,
                chosen, train.length, fitSeconds, svm.distinctSupportVectors(), confusion.accuracy());
        return new SvmResult(name, d, standardizer.constantFeatures(), grid, subset.length, chosen, train.length,
                fitSeconds, predictSeconds, gridSeconds, svm.distinctSupportVectors(), validationAccuracy, confusion);
    }

    /**
     * Estimated training effort of each pair on vectors labelled {@code y}: LASVM visits every vector of the pair
     * and compares it with the current support vectors, so the pair's size times its support vectors in a
     * related fit.
     */
    private static double[] effort(int[] supportVectors, int[] y, int numClasses) {
        int[] counts = new int[numClasses];
        for (int label : y) {
            counts[label]++;
        }
        double[] effort = new double[supportVectors.length];
        for (int i = 1, p = 0; i < numClasses; i++) {
            for (int j = 0; j < i; j++, p++) {
                effort[p] = (double) (counts[i] + counts[j]) * supportVectors[p];
            }
        }
        return effort;
    }

    private static double[][] rows(double[][] x, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = x[indices[i]];
        }
        return out;
    }

    private double accuracy(OneVsOneRbfSvm svm, double[][] x, int[] y, int numClasses) {
        return ConfusionMatrix.of(y, svm.predict(x, settings.threads()), numClasses).accuracy();
    }

    /** {@code size} distinct indices of {@code [0, n)} drawn with the seed, in increasing order (all if n ≤ size). */
    static int[] subset(int n, int size, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (size >= n) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < size; k++) {
            int j = k + random.nextInt(n - k);
            int t = all[k];
            all[k] = all[j];
            all[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(all, size);
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
