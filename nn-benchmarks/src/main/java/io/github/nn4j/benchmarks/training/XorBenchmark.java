package io.github.nn4j.benchmarks.training;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.benchmarks.BackendUnderTest;
import io.github.nn4j.benchmarks.ForkSettings;
import io.github.nn4j.models.xor.XorExperiment;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The report's XOR experiment as the app runs it ({@link XorExperiment}: a 2-4-1 network, 20,000 full-batch
 * epochs of SGD on four points, then a prediction). With matrices this small the time is per-operation
 * overhead (validation, dispatch, native calls), not arithmetic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK})
public class XorBenchmark {
    /** Backend name. */
    @Param({"pure", "jblas", "nd4j"})
    public String backend;

    private Backend be;

    /** Looks up the backend. */
    @Setup
    public void setUp() {
        be = BackendUnderTest.named(backend);
    }

    /** The whole experiment, from a fresh network; returns its result. */
    @Benchmark
    public XorExperiment.Result train() {
        return XorExperiment.run(be, XorExperiment.Config.report(234), null);
    }
}
