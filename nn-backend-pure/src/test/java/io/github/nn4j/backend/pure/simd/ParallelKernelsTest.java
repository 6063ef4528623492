package io.github.nn4j.backend.pure.simd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.tensor.Activation;
import io.github.nn4j.api.tensor.BinaryOp;
import io.github.nn4j.backend.pure.SimdExpectation;
import io.github.nn4j.backend.pure.threads.TileExecutor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kernels split over threads give the same bits as one call on the whole array, for lengths below, at and above
 * their parallel thresholds (including ones that do not divide evenly), in place or not, with as many parts as
 * threads (2, and 3 for uneven boundaries), and write nothing past the array's first {@code n} elements; only where
 * the Vector API module is present.
 */
class ParallelKernelsTest {
    private static final int[] LENGTHS = {1000, ParallelKernels.FUNCTION_MIN_LENGTH - 1,
        ParallelKernels.FUNCTION_MIN_LENGTH, ParallelKernels.FUNCTION_MIN_LENGTH + 17, 100_003, 256 * 784};

    /** The reference: one part, on the calling thread, the same vector code over the whole array. */
    private static final ParallelKernels ONE_THREAD = new ParallelKernels(new TileExecutor(1, "unused-"));

    @BeforeEach
    void needsVectorModule() {
        SimdExpectation.requireVectorModule();
    }

    @Test
    void floatResultsAreBitIdenticalToOneThread() {
        for (int threads : new int[] {2, 3}) {
            ParallelKernels parallel = new ParallelKernels(new TileExecutor(threads, "parallel-kernels-test-"));
            for (int n : LENGTHS) {
                float[] x = floats(n, n + threads);
                for (ParallelKernels.Function f : ParallelKernels.Function.values()) {
                    float[] expected = new float[n];
                    ONE_THREAD.apply(f, x, expected, n);
                    float[] got = new float[n];
                    parallel.apply(f, x, got, n);
                    assertThat(got).as("%s of %d floats on %d threads", f, n, threads).isEqualTo(expected);
                    float[] inPlace = x.clone();
                    parallel.apply(f, inPlace, inPlace, n);
                    assertThat(inPlace).as("%s of %d floats in place on %d threads", f, n, threads)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void doubleResultsAreBitIdenticalToOneThread() {
        for (int threads : new int[] {2, 3}) {
            ParallelKernels parallel = new ParallelKernels(new TileExecutor(threads, "parallel-kernels-test-"));
            for (int n : LENGTHS) {
                double[] x = doubles(n, n + threads);
                for (ParallelKernels.Function f : ParallelKernels.Function.values()) {
                    double[] expected = new double[n];
                    ONE_THREAD.apply(f, x, expected, n);
                    double[] got = new double[n];
                    parallel.apply(f, x, got, n);
                    assertThat(got).as("%s of %d doubles on %d threads", f, n, threads).isEqualTo(expected);
                }
            }
        }
    }

    private static final int[] ARITHMETIC_LENGTHS = {1000, ParallelKernels.ARITHMETIC_MIN_LENGTH - 1,
        ParallelKernels.ARITHMETIC_MIN_LENGTH, ParallelKernels.ARITHMETIC_MIN_LENGTH + 17, 256 * 784 + 3};

    @Test
    void arithmeticIsBitIdenticalToOneThread() {
        for (int threads : new int[] {2, 3}) {
            ParallelKernels parallel = new ParallelKernels(new TileExecutor(threads, "parallel-kernels-test-"));
            for (int n : ARITHMETIC_LENGTHS) {
                float[] x = floats(n + 9, n);
                float[] y = floats(n + 9, n + 1);
                float[] dy = floats(n + 9, n + 2);
                String what = n + " floats on " + threads + " threads";
                for (Activation f : Activation.values()) {
                    float[] expected = filled(n + 9);
                    ONE_THREAD.activationBackward(f, x, y, dy, expected, n);
                    float[] got = filled(n + 9);
                    parallel.activationBackward(f, x, y, dy, got, n);
                    assertThat(got).as("%s backward of %s", f, what).isEqualTo(expected);
                }
                for (BinaryOp op : BinaryOp.values()) {
                    float[] expected = filled(n + 9);
                    ONE_THREAD.binary(op, x, y, expected, n);
                    float[] got = filled(n + 9);
                    parallel.binary(op, x, y, got, n);
                    assertThat(got).as("%s of %s", op, what).isEqualTo(expected);
                }
                float[] expected = y.clone();
                ONE_THREAD.axpy(-0.37f, x, expected, n);
                float[] got = y.clone();
                parallel.axpy(-0.37f, x, got, n);
                assertThat(got).as("axpy of %s", what).isEqualTo(expected);
                double[] xd = doubles(n, n + 3);
                double[] yd = doubles(n, n + 4);
                double[] expectedD = yd.clone();
                ONE_THREAD.axpy(0.61, xd, expectedD, n);
                double[] gotD = yd.clone();
                parallel.axpy(0.61, xd, gotD, n);
                assertThat(gotD).as("axpy of %d doubles on %d threads", n, threads).isEqualTo(expectedD);
            }
            for (int[] rc : new int[][] {{3, 5}, {256, 784}, {257, 257}, {1000, 67}}) {
                int rows = rc[0];
                int cols = rc[1];
                float[] a = floats(rows * cols, rows);
                float[] row = floats(cols, cols);
                float[] expected = filled(rows * cols + 5);
                ONE_THREAD.addRowVector(a, row, expected, rows, cols);
                float[] got = filled(rows * cols + 5);
                parallel.addRowVector(a, row, got, rows, cols);
                assertThat(got).as("bias of [%d, %d] on %d threads", rows, cols, threads).isEqualTo(expected);
                float[] inPlace = a.clone();
                parallel.addRowVector(inPlace, row, inPlace, rows, cols);
                assertThat(inPlace).as("bias in place of [%d, %d]", rows, cols)
                        .isEqualTo(java.util.Arrays.copyOf(expected, rows * cols));
                float[] sums = filled(cols + 3);
                ONE_THREAD.sumColumns(a, rows, cols, sums);
                float[] parallelSums = filled(cols + 3);
                parallel.sumColumns(a, rows, cols, parallelSums);
                assertThat(parallelSums).as("column sums of [%d, %d] on %d threads", rows, cols, threads)
                        .isEqualTo(sums);
                double[] ad = doubles(rows * cols, rows + 1);
                double[] sumsD = new double[cols + 3];
                ONE_THREAD.sumColumns(ad, rows, cols, sumsD);
                double[] parallelSumsD = new double[cols + 3];
                parallel.sumColumns(ad, rows, cols, parallelSumsD);
                assertThat(parallelSumsD).as("column sums of [%d, %d] doubles", rows, cols).isEqualTo(sumsD);
            }
        }
    }

    private static float[] filled(int n) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, -7f);
        return out;
    }

    @Test
    void onlyTheFirstNElementsAreWritten() {
        ParallelKernels parallel = new ParallelKernels(new TileExecutor(2, "parallel-kernels-test-"));
        int n = ParallelKernels.FUNCTION_MIN_LENGTH + 5;
        float[] x = floats(n + 100, 7);
        float[] out = new float[n + 100];
        java.util.Arrays.fill(out, -7f);
        parallel.apply(ParallelKernels.Function.SIGMOID, x, out, n);
        for (int i = n; i < out.length; i++) {
            assertThat(out[i]).as("element %d beyond n = %d", i, n).isEqualTo(-7f);
        }
        assertThat(out[n - 1]).isBetween(0f, 1f);
    }

    private static float[] floats(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-30, 30);
        }
        return x;
    }

    private static double[] doubles(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-300, 300);
        }
        return x;
    }
}
