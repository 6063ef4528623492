package io.github.nn4j.benchmarks.training;

import io.github.nn4j.benchmarks.ForkSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step of the report's autoencoder (forward, loss, backward, SGD update) on a batch of 64 or 256
 * MNIST images, for each nn4j backend and for DL4J. Run with {@code -prof gc} to see the bytes each step
 * allocates on the Java heap ({@code gc.alloc.rate.norm}); native memory, such as ND4J's, is not counted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK})
public class AutoencoderStepBenchmark {
    /** An nn4j backend name, or {@code dl4j}. */
    @Param({"pure", "jblas", "nd4j", AutoencoderTrainer.DL4J})
    public String backend;

    /** Images per step. */
    @Param({"64", "256"})
    public int batch;

    private AutoencoderTrainer trainer;

    /** Builds the network and loads one batch of images. */
    @Setup
    public void setUp() {
        trainer = AutoencoderTrainer.create(backend, TrainingImages.load(batch), batch);
    }

    /** One step; returns the batch loss. */
    @Benchmark
    public double trainStep() {
        return trainer.step();
    }

    /** Frees the network and the data. */
    @TearDown
    public void tearDown() {
        if (trainer != null) {
            trainer.close();
        }
    }
}
