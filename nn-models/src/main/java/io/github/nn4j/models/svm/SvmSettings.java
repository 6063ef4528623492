package io.github.nn4j.models.svm;

import java.util.List;

/**
 * The hyper-parameter grid of an {@link SvmExperiment} and how much work and parallelism to spend on it.
 *
 * <p>The kernel width is searched as a multiple of {@code 1/d} for {@code d} features scaled to unit
 * (average) variance: then {@code gamma·|x − y|²} is about 2 for two typical vectors, the usual centre of a
 * search.
 *
 * @param scalings      candidate feature scalings
 * @param gammaFactors  candidates for {@code gamma·d}, increasing: they are tried in this order, and the
 *                      search along them stops early (see {@link SvmExperiment})
 * @param cValues       candidates for {@code C}
 * @param gridTrainSize how many training vectors (a seeded random subset) each grid candidate is trained on
 * @param threads       worker threads for training pairs and for prediction
 * @param seed          seed of the subset and of the solver's sample order
 */
public record SvmSettings(List<FeatureScaling> scalings, List<Double> gammaFactors, List<Double> cValues,
        int gridTrainSize, int threads, long seed) {

    /** Copies the lists and checks the values. */
    public SvmSettings {
        scalings = List.copyOf(scalings);
        gammaFactors = List.copyOf(gammaFactors);
        cValues = List.copyOf(cValues);
        if (scalings.isEmpty() || gammaFactors.isEmpty() || cValues.isEmpty()) {
            throw new IllegalArgumentException("the grid needs at least one scaling, gamma factor and C");
        }
        for (int i = 0; i < gammaFactors.size(); i++) {
            double g = gammaFactors.get(i);
            if (!(g > 0) || Double.isInfinite(g) || (i > 0 && !(g > gammaFactors.get(i - 1)))) {
                throw new IllegalArgumentException("gamma factors must be positive, finite and increasing, got "
                        + gammaFactors);
            }
        }
        if (gridTrainSize < 2) {
            throw new IllegalArgumentException("grid training size must be at least 2, got " + gridTrainSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Number of grid candidates, the most an experiment evaluates (the search along gamma may stop earlier). */
    public int gridSize() {
        return scalings.size() * gammaFactors.size() * cValues.size();
    }

    /**
     * The grid of {@code ./nn4j reproduce}: uniform scaling, {@code gamma·d} from 1 up through 1.5, 2 and 3
     * while it pays, {@code C} = 10, each candidate trained on 10,000 vectors. Measured on MNIST
     * (docs/svm-grid.md): per-feature scaling never won and cost up to 2.7 times as much; {@code C} = 3 or 30
     * never beat {@code C} = 10 by more than 0.0005; on 10,000 vectors {@link GridChoice} picks what it picks
     * from fits on all 56,000, at less than a third of the cost of 20,000.
     */
    public static SvmSettings standard(long seed) {
        return new SvmSettings(List.of(FeatureScaling.UNIFORM), List.of(1.0, 1.5, 2.0, 3.0), List.of(10.0), 10_000,
                Runtime.getRuntime().availableProcessors(), seed);
    }

    /** A small grid for {@code --quick}. */
    public static SvmSettings quick(long seed) {
        return new SvmSettings(List.of(FeatureScaling.UNIFORM), List.of(1.0, 2.0), List.of(10.0), 2_000,
                Runtime.getRuntime().availableProcessors(), seed);
    }
}
