package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIMD training step is allocation-free in a fresh JVM started the way the launcher starts it. This is
 * the JIT history in which the sigmoid loop used to box every vector: a fresh JVM that warms up on the
 * autoencoder. With C2's default trap limit {@link AllocationCheck} measured 1.2 MB per step in 10 of 12
 * such runs (the other two: about 1 byte), with the launcher's {@code -XX:PerMethodTrapLimit=10000} under
 * 2 bytes in 10 of 10; see {@link PureOptions#TRAP_LIMIT_OPTION}. So this test would catch a lost flag or a new boxing
 * site in most runs, not in every one. {@link SteadyStateAllocationTest} covers the history of a JVM that
 * has run the other tests first.
 */
class FreshJvmAllocationTest {
    private static final Pattern AE_PER_STEP = Pattern.compile("AE batch 256: ([0-9.]+) bytes per step");
    private static final Pattern LOSS_PER_CALL = Pattern.compile("loss: ([0-9.]+) bytes per call");
    /** Same bound as {@link SteadyStateAllocationTest}: far above the measured ~1 byte, far below boxing. */
    private static final double BOUND_PER_STEP = 1024;
    /** Half of one boxed 512-bit vector (96 bytes); measured: 0.0 per call. */
    private static final double BOUND_PER_LOSS_CALL = 48;
    /** Rounds the child runs (300 steps or 3,000 loss calls each). */
    private static final int ROUNDS = 5;

    @BeforeEach
    void needsVectorModule() {
        SimdExpectation.requireVectorModule();
    }

    @Test
    void autoencoderStepAllocatesNothingInAFreshJvmWithTheLaunchersFlags() throws Exception {
        List<Double> perStep = runAllocationCheck("ae256", AE_PER_STEP);
        // The least of the later rounds: a compilation still pending on a loaded machine makes one round
        // allocate, boxing makes every round allocate (1.2 MB per step).
        assertThat(leastAfterFirst(perStep))
                .as("heap bytes per autoencoder step, batch 256, SIMD kernels, fresh JVM, least of rounds 2-%d "
                        + "(all rounds: %s)", ROUNDS, perStep)
                .isLessThan(BOUND_PER_STEP);
    }

    /**
     * The squared-error loss in a tight loop: where the sum of squares used to box its accumulator once per
     * call (96 bytes, in 2 of 2 fresh JVMs) because it stored its lanes with {@code intoArray}.
     */
    @Test
    void lossInATightLoopAllocatesNothingInAFreshJvm() throws Exception {
        List<Double> perCall = runAllocationCheck("loss", LOSS_PER_CALL);
        assertThat(leastAfterFirst(perCall))
                .as("heap bytes per squared-error loss and gradient of 256x784, SIMD kernels, fresh JVM, least of "
                        + "rounds 2-%d (all rounds: %s)", ROUNDS, perCall)
                .isLessThan(BOUND_PER_LOSS_CALL);
    }

    private static double leastAfterFirst(List<Double> rounds) {
        assertThat(rounds).as("rounds measured by the child JVM").hasSize(ROUNDS);
        return rounds.subList(1, ROUNDS).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /**
     * Runs {@link AllocationCheck} with {@code workload} for {@link #ROUNDS} rounds in a child JVM started like
     * the launcher starts the app; the bytes of each round that {@code perRound} finds in its output.
     */
    private static List<Double> runAllocationCheck(String workload, Pattern perRound)
            throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "--add-modules", "jdk.incubator.vector",
                "-XX:" + PureOptions.TRAP_LIMIT_OPTION + "=" + PureOptions.RECOMMENDED_TRAP_LIMIT,
                "-cp", classPath, AllocationCheck.class.getName(), String.valueOf(ROUNDS), workload);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output;
        try {
            output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!child.waitFor(3, TimeUnit.MINUTES)) {
                throw new AssertionError("AllocationCheck child JVM did not finish within 3 minutes");
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("exit code of %s; output:%n%s", command, output).isZero();
        List<Double> values = new ArrayList<>();
        Matcher m = perRound.matcher(output);
        while (m.find()) {
            values.add(Double.parseDouble(m.group(1)));
        }
        return values;
    }
}
