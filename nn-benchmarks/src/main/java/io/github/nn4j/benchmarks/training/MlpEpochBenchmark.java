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
 * One full training epoch of the app's MNIST classifier (784-256-128-10, ReLU, dropout, softmax cross-entropy, SGD
 * with momentum and an L2 penalty) over the 56,000 training images at the app's batch size, for each nn4j backend and
 * for DL4J. nn4j trains through {@code Network.fit} with one epoch (reshuffling, gathering each batch, drawing the
 * dropout masks); DL4J through {@code MultiLayerNetwork.fit} per pre-cut batch. Each measured epoch continues
 * training the same network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK})
public class MlpEpochBenchmark {
    /** An nn4j backend name, or {@code dl4j}. */
    @Param({"pure", "jblas", "nd4j", AutoencoderTrainer.DL4J})
    public String backend;

    /** Images per step: the app's. */
    @Param({"128"})
    public int batch;

    private MlpTrainer trainer;

    /** Builds the network and loads the 56,000 labelled images. */
    @Setup
    public void setUp() {
        trainer = MlpTrainer.create(backend, TrainingImages.load(TrainingImages.EPOCH_IMAGES), batch);
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
