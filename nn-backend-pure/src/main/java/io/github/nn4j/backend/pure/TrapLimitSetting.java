package io.github.nn4j.backend.pure;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

/**
 * The HotSpot option {@value #OPTION}, which decides whether the SIMD activation kernels stay
 * allocation-free.
 *
 * <p>Why it matters (JDK 17, C2): the Vector API's calls are intrinsified late, so while C2 parses a
 * loop it knows the vectors' classes only from profiles and guards each inlined call with a class check
 * that deoptimizes on a miss. C2 stops emitting such guards, and compiles a virtual call on the miss path
 * instead, once the class-check traps recorded in the MDOs of every method it has inlined so far add up
 * to {@code PerMethodTrapLimit} (default 100). The Vector API's shared internals (operator lookups,
 * fallback lambdas) collect a few such traps each while a large program warms up, and a long loop such as
 * the sigmoid inlines them dozens of times, so in some JVM runs the sum passes 100 half-way through the
 * loop; the store at its end then sees a species that is no longer a constant, the store intrinsic fails
 * and every vector of the loop is boxed (measured: 1.2 MB per training step of the 784-128-64-128-784
 * autoencoder at batch 256; results identical). With the limit raised to {@value #RECOMMENDED} the same
 * runs allocate under 2 bytes per step. The option is not manageable at run time: it has to be given on
 * the command line ({@code -XX:PerMethodTrapLimit=10000}); the launcher, the benchmarks and the tests do.
 */
final class TrapLimitSetting {
    /** The HotSpot option. */
    static final String OPTION = "PerMethodTrapLimit";
    /** The value the launcher, benchmarks and tests pass; comfortably above the sums seen (about 230). */
    static final long RECOMMENDED = 10_000;

    private TrapLimitSetting() {
    }

    /** This JVM's value of the option, or empty when it cannot be read (not HotSpot, no jdk.management). */
    static OptionalLong current() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean hotSpot =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hotSpot == null) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(hotSpot.getVMOption(OPTION).getValue()));
        } catch (RuntimeException | LinkageError e) {
            return OptionalLong.empty();
        }
    }

    /** Whether this JVM runs with at least the recommended limit (false when it cannot be read). */
    static boolean isRaised() {
        OptionalLong value = current();
        return value.isPresent() && value.getAsLong() >= RECOMMENDED;
    }

    /**
     * A hint for the log line of the SIMD path, or an empty string when the option is set high enough or
     * cannot be read (another JVM, where the advice may not apply).
     */
    static String hint() {
        OptionalLong value = current();
        if (value.isEmpty() || value.getAsLong() >= RECOMMENDED) {
            return "";
        }
        return "; start the JVM with -XX:" + OPTION + "=" + RECOMMENDED
                + " to keep the SIMD activation kernels allocation-free (now " + value.getAsLong() + ")";
    }
}
