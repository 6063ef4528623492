package io.github.nn4j.models.svm;

import java.util.SplittableRandom;

/** Gaussian blobs in a few dimensions, one per class, for SVM tests. */
final class Blobs {
    final double[][] x;
    final int[] y;

    /**
     * {@code perClass} points around each of {@code classes} centres spaced {@code spacing} apart along
     * different axes, with unit noise; {@code scales[j]} stretches dimension j afterwards.
     */
    Blobs(int classes, int perClass, int dims, double spacing, double[] scales, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        x = new double[classes * perClass][dims];
        y = new int[classes * perClass];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < perClass; i++) {
                int n = i * classes + c; // interleave classes
                for (int j = 0; j < dims; j++) {
                    double centre = j == c % dims ? spacing * (1 + c / dims) : 0;
                    x[n][j] = (centre + random.nextGaussian()) * scales[j];
                }
                y[n] = c;
            }
        }
    }

    static double[] ones(int dims) {
        double[] s = new double[dims];
        java.util.Arrays.fill(s, 1.0);
        return s;
    }
}
