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
 * One full epoch of the report's autoencoder over the 56,000 training images at batch 256 (219 steps), for each
 * nn4j backend and for DL4J: the number a user waits for. nn4j trains through {@code Network.fit} with one
 * epoch (reshuffling, gathering each batch); DL4J through {@code MultiLayerNetwork.fit} per pre-cut batch.
 * Each measured epoch continues training the same network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK})
public class AutoencoderEpochBenchmark {
    /** An nn4j backend name, or {@code dl4j}. */
    @Param({"pure", "jblas", "nd4j", AutoencoderTrainer.DL4J})
    public String backend;

    /** Images per step. */
    @Param({"256"})
    public int batch;

    private AutoencoderTrainer trainer;

    /** Builds the network and loads the 56,000 images. */
    @Setup
    public void setUp() {
        trainer = AutoencoderTrainer.create(backend, TrainingImages.load(TrainingImages.EPOCH_IMAGES), batch);
    }

    /** One epoch. */
    @Benchmark
    public void trainEpoch() {
        trainer.epoch();
    }

    /** Frees the network and the data. */
    @TearDown
    public void tearDown() {
        if (trainer != null) {
            trainer.close();
        }
    }
}
