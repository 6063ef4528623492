package io.github.nn4j.backend.pure.simd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.backend.pure.SimdExpectation;
import io.github.nn4j.backend.pure.threads.TileExecutor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * exp, sigmoid and tanh split over threads give the same bits as one call on the whole array, for lengths
 * below, at and above the parallel threshold (including ones that do not divide evenly), in place or not,
 * with as many parts as threads (2, and 3 for uneven boundaries); only where the Vector API module is present.
 */
class ParallelFunctionsTest {
    private static final int[] LENGTHS = {1000, ParallelFunctions.PARALLEL_MIN_LENGTH - 1,
        ParallelFunctions.PARALLEL_MIN_LENGTH, ParallelFunctions.PARALLEL_MIN_LENGTH + 17, 100_003, 256 * 784};

    /** The reference: one part, on the calling thread, the same vector code over the whole array. */
    private static final ParallelFunctions ONE_THREAD = new ParallelFunctions(new TileExecutor(1, "unused-"));

    @BeforeEach
    void needsVectorModule() {
        SimdExpectation.requireVectorModule();
    }

    @Test
    void floatResultsAreBitIdenticalToOneThread() {
        for (int threads : new int[] {2, 3}) {
            ParallelFunctions parallel = new ParallelFunctions(new TileExecutor(threads, "parallel-functions-test-"));
            for (int n : LENGTHS) {
                float[] x = floats(n, n + threads);
                for (ParallelFunctions.Function f : ParallelFunctions.Function.values()) {
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
            ParallelFunctions parallel = new ParallelFunctions(new TileExecutor(threads, "parallel-functions-test-"));
            for (int n : LENGTHS) {
                double[] x = doubles(n, n + threads);
                for (ParallelFunctions.Function f : ParallelFunctions.Function.values()) {
                    double[] expected = new double[n];
                    ONE_THREAD.apply(f, x, expected, n);
                    double[] got = new double[n];
                    parallel.apply(f, x, got, n);
                    assertThat(got).as("%s of %d doubles on %d threads", f, n, threads).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void onlyTheFirstNElementsAreWritten() {
        ParallelFunctions parallel = new ParallelFunctions(new TileExecutor(2, "parallel-functions-test-"));
        int n = ParallelFunctions.PARALLEL_MIN_LENGTH + 5;
        float[] x = floats(n + 100, 7);
        float[] out = new float[n + 100];
        java.util.Arrays.fill(out, -7f);
        parallel.apply(ParallelFunctions.Function.SIGMOID, x, out, n);
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
