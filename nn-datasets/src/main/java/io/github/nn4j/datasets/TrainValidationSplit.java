package io.github.nn4j.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, stratified split of a labelled set into training and validation parts.
 *
 * <p>Stratified: each class contributes to the validation part in proportion to its share of the whole
 * (largest-remainder rounding, so the sizes add up exactly), which keeps the class balance of both parts
 * equal to the original's and makes validation accuracy a less noisy guide for model selection. Which
 * images of a class go to validation is drawn with a {@link SplittableRandom} seeded by {@code seed}, so a
 * seed always gives the same split. Both parts keep the original order of the images.
 *
 * @param train      the training part
 * @param validation the validation part
 */
public record TrainValidationSplit(LabeledImages train, LabeledImages validation) {

    /**
     * Splits a set, stratified by class.
     *
     * @param all            the images to split
     * @param validationSize how many go to the validation part, in {@code 1 .. all.count() - 1}
     * @param seed           the seed of the draw: the same seed gives the same split
     * @return both parts, each in the original order
     */
    public static TrainValidationSplit stratified(LabeledImages all, int validationSize, long seed) {
        if (validationSize <= 0 || validationSize >= all.count()) {
            throw new IllegalArgumentException("validation size must be in 1.." + (all.count() - 1) + ": "
                    + validationSize);
        }
        int[] classCounts = all.classCounts();
        int[] quota = quotas(classCounts, all.count(), validationSize);

        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classCounts.length; c++) {
            byClass.add(new ArrayList<>(classCounts[c]));
        }
        for (int i = 0; i < all.count(); i++) {
            byClass.get(all.label(i)).add(i);
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] inValidation = new boolean[all.count()];
        for (int c = 0; c < classCounts.length; c++) {
            List<Integer> members = byClass.get(c);
            // Partial Fisher-Yates: the first quota[c] positions become a uniform random sample.
            for (int k = 0; k < quota[c]; k++) {
                int j = k + random.nextInt(members.size() - k);
                Integer tmp = members.get(k);
                members.set(k, members.get(j));
                members.set(j, tmp);
                inValidation[members.get(k)] = true;
            }
        }
        int[] trainIdx = new int[all.count() - validationSize];
        int[] valIdx = new int[validationSize];
        int t = 0;
        int v = 0;
        for (int i = 0; i < all.count(); i++) {
            if (inValidation[i]) {
                valIdx[v++] = i;
            } else {
                trainIdx[t++] = i;
            }
        }
        return new TrainValidationSplit(all.select(trainIdx), all.select(valIdx));
    }

    /** Per-class validation sizes proportional to the class sizes, summing to {@code validationSize}. */
    static int[] quotas(int[] classCounts, int total, int validationSize) {
        int k = classCounts.length;
        int[] quota = new int[k];
        double[] remainder = new double[k];
        int assigned = 0;
        for (int c = 0; c < k; c++) {
            double exact = (double) classCounts[c] * validationSize / total;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            assigned += quota[c];
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        // Largest remainder first; ties go to the lower class index so the result is deterministic.
        Arrays.sort(order, (a, b) -> remainder[a] != remainder[b] ? Double.compare(remainder[b], remainder[a])
                : Integer.compare(a, b));
        for (int r = 0; assigned < validationSize; r++) {
            int c = order[r % k];
            if (quota[c] < classCounts[c]) {
                quota[c]++;
                assigned++;
            }
        }
        return quota;
    }
}
