package io.github.nn4j.backend.pure;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Every setting of the pure backend, in one place: the system properties it reads when a backend is created, and the
 * facts about the JVM that decide which kernels it can run. A new setting is a constant, a parser and a component
 * here, and a row in the module README's settings table.
 *
 * <table>
 *   <caption>System properties</caption>
 *   <tr><th>property</th><th>default</th><th>effect</th></tr>
 *   <tr><td>{@value #THREADS_PROPERTY}</td><td>all processors</td><td>threads per operation, 1 to
 *       {@value #MAX_THREADS}; results are bit-identical for any value</td></tr>
 *   <tr><td>{@value #SIMD_PROPERTY}</td><td>{@code true}</td><td>{@code false} runs the scalar kernels even where
 *       the Vector API is present</td></tr>
 * </table>
 *
 * @param threads threads per operation (GEMM, and exp/sigmoid/tanh of large arrays on the SIMD path)
 * @param simd whether the SIMD kernels are wanted ({@value #SIMD_PROPERTY} is not {@code false}); they run only
 *     where the JVM also has the {@value #VECTOR_MODULE} module
 */
record PureOptions(int threads, boolean simd) {
    /** System property: threads per operation, a positive integer. */
    static final String THREADS_PROPERTY = "nn4j.pure.threads";
    /** Upper bound accepted for {@value #THREADS_PROPERTY}, against typos such as {@code 1000}. */
    static final int MAX_THREADS = 256;
    /** System property: {@code false} forces the scalar kernels even when the Vector API is present. */
    static final String SIMD_PROPERTY = "nn4j.pure.simd";
    /** The module that holds the Vector API. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    /**
     * The HotSpot option that decides whether the SIMD activation kernels stay allocation-free on JDK 17: below
     * {@value #RECOMMENDED_TRAP_LIMIT} C2 may stop intrinsifying the long sigmoid loop in some runs and box every
     * vector (same results, megabytes of garbage per step). Why: {@code docs/jit-notes.md}. It can only be given on
     * the command line; the launcher, the benchmarks and the tests pass {@code -XX:PerMethodTrapLimit=10000}.
     */
    static final String TRAP_LIMIT_OPTION = "PerMethodTrapLimit";
    /** The trap limit the launcher, benchmarks and tests pass; well above the sums seen (about 230). */
    static final long RECOMMENDED_TRAP_LIMIT = 10_000;

    /** Checks the thread count. */
    PureOptions {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("thread count " + threads + " is out of range 1 to " + MAX_THREADS);
        }
    }

    /**
     * The settings in this JVM's system properties; an {@link IllegalArgumentException} names the property when one
     * is invalid.
     */
    static PureOptions fromSystemProperties() {
        return new PureOptions(parseThreads(System.getProperty(THREADS_PROPERTY),
                Runtime.getRuntime().availableProcessors()), parseSimd(System.getProperty(SIMD_PROPERTY)));
    }

    /** {@code value} parsed as a thread count, or {@code fallback} when it is null or blank. */
    static int parseThreads(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("System property " + THREADS_PROPERTY + "='" + value
                    + "' is not an integer; use a thread count from 1 to " + MAX_THREADS, e);
        }
        if (n < 1 || n > MAX_THREADS) {
            throw new IllegalArgumentException("System property " + THREADS_PROPERTY + "=" + n
                    + " is out of range; use a thread count from 1 to " + MAX_THREADS);
        }
        return n;
    }

    /** Whether {@code value} of {@value #SIMD_PROPERTY} leaves SIMD on: anything but {@code false} does. */
    static boolean parseSimd(String value) {
        return !"false".equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
    }

    /** The same settings with {@code threads} threads. */
    PureOptions withThreads(int threads) {
        return new PureOptions(threads, simd);
    }

    /** Whether the Vector API module is part of this JVM's boot layer. */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** This JVM's {@value #TRAP_LIMIT_OPTION}, or empty where it cannot be read (not HotSpot, no jdk.management). */
    static OptionalLong trapLimit() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean hotSpot =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hotSpot == null) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(hotSpot.getVMOption(TRAP_LIMIT_OPTION).getValue()));
        } catch (RuntimeException | LinkageError e) {
            return OptionalLong.empty();
        }
    }

    /** Whether this JVM runs with at least the recommended trap limit (false when it cannot be read). */
    static boolean trapLimitRaised() {
        OptionalLong value = trapLimit();
        return value.isPresent() && value.getAsLong() >= RECOMMENDED_TRAP_LIMIT;
    }

    /**
     * Advice for the log line of the SIMD path, or an empty string when the trap limit is high enough or cannot be
     * read (another JVM, where the advice may not apply).
     */
    static String trapLimitHint() {
        OptionalLong value = trapLimit();
        if (value.isEmpty() || value.getAsLong() >= RECOMMENDED_TRAP_LIMIT) {
            return "";
        }
        return "; start the JVM with -XX:" + TRAP_LIMIT_OPTION + "=" + RECOMMENDED_TRAP_LIMIT
                + " to keep the SIMD activation kernels allocation-free (now " + value.getAsLong() + ")";
    }
}
