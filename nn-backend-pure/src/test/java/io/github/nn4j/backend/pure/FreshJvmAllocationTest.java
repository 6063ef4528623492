package io.github.nn4j.backend.pure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SIMD training step is allocation-free in a fresh JVM started the way the launcher starts it. This is
 * the JIT history in which the sigmoid loop used to box every vector: a fresh JVM that warms up on the
 * autoencoder. With C2's default trap limit {@link AllocationCheck} measured 1.2 MB per step in 10 of 12
 * such runs (the other two: about 1 byte), with the launcher's {@code -XX:PerMethodTrapLimit=10000} under
 * 2 bytes in 10 of 10; see {@link TrapLimitSetting}. So this test would catch a lost flag or a new boxing
 * site in most runs, not in every one. {@link SteadyStateAllocationTest} covers the history of a JVM that
 * has run the other tests first.
 */
class FreshJvmAllocationTest {
    private static final Pattern PER_STEP = Pattern.compile("AE batch 256: ([0-9.]+) bytes per step");
    /** Same bound as {@link SteadyStateAllocationTest}: far above the measured ~1 byte, far below boxing. */
    private static final double BOUND_PER_STEP = 1024;
    /** Rounds of 300 steps the child runs. */
    private static final int ROUNDS = 5;

    @Test
    void autoencoderStepAllocatesNothingInAFreshJvmWithTheLaunchersFlags() throws Exception {
        assumeTrue(KernelSelection.vectorModulePresent(),
                "SIMD allocation checked only in the test run with --add-modules jdk.incubator.vector");
        List<Double> perStep = runAllocationCheck("-XX:" + TrapLimitSetting.OPTION + "=" + TrapLimitSetting.RECOMMENDED);
        assertThat(perStep).as("rounds measured by the child JVM").hasSize(ROUNDS);
        // The least of the later rounds: a compilation still pending on a loaded machine makes one round
        // allocate, boxing makes every round allocate (1.2 MB per step).
        assertThat(perStep.subList(1, ROUNDS).stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .as("heap bytes per autoencoder step, batch 256, SIMD kernels, fresh JVM, least of rounds 2-%d "
                        + "(all rounds: %s)", ROUNDS, perStep)
                .isLessThan(BOUND_PER_STEP);
    }

    /** Runs {@link AllocationCheck} for batch 256, {@link #ROUNDS} rounds of 300 steps, in a child JVM; bytes per step. */
    private static List<Double> runAllocationCheck(String trapLimitOption) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "--add-modules", "jdk.incubator.vector", trapLimitOption,
                "-cp", classPath, AllocationCheck.class.getName(), String.valueOf(ROUNDS), "ae256");
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
        List<Double> perStep = new ArrayList<>();
        Matcher m = PER_STEP.matcher(output);
        while (m.find()) {
            perStep.add(Double.parseDouble(m.group(1)));
        }
        return perStep;
    }
}
