package io.github.nn4j.backend.pure;

import io.github.nn4j.backend.pure.gemm.KernelShape;
import io.github.nn4j.backend.pure.threads.TileExecutor;
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
 *   <tr><td>{@value #GEMM_KERNEL_PROPERTY}</td><td>{@code auto}</td><td>the SIMD GEMM's micro-kernel shape, rows x
 *       vectors ({@link KernelShape#SIMD}); {@code auto} picks it from the CPU's vector registers
 *       ({@link #vectorRegisters()})</td></tr>
 *   <tr><td>{@value #SPIN_MICROS_PROPERTY}</td><td>{@value TileExecutor#DEFAULT_SPIN_MICROS}</td><td>how long, in
 *       microseconds, an idle worker thread spins before it sleeps (0 to {@value #MAX_SPIN_MICROS}): shorter saves
 *       idle CPU between sporadic operations, longer saves the wake-up delay between back-to-back ones</td></tr>
 * </table>
 *
 * @param threads threads per operation (GEMM, and exp/sigmoid/tanh of large arrays on the SIMD path)
 * @param simd whether the SIMD kernels are wanted ({@value #SIMD_PROPERTY} is not {@code false}); they run only
 *     where the JVM also has the {@value #VECTOR_MODULE} module
 * @param gemmKernel the SIMD GEMM's micro-kernel shape
 * @param spinMicros how long a waiting thread of the backend's {@link TileExecutor} spins before it parks
 */
record PureOptions(int threads, boolean simd, KernelShape gemmKernel, long spinMicros) {
    /** System property: threads per operation, a positive integer. */
    static final String THREADS_PROPERTY = "nn4j.pure.threads";
    /** Upper bound accepted for {@value #THREADS_PROPERTY}, against typos such as {@code 1000}. */
    static final int MAX_THREADS = 256;
    /** System property: {@code false} forces the scalar kernels even when the Vector API is present. */
    static final String SIMD_PROPERTY = "nn4j.pure.simd";
    /** System property: the SIMD GEMM's micro-kernel shape, {@code RxV} or {@value #AUTO}. */
    static final String GEMM_KERNEL_PROPERTY = "nn4j.pure.gemmKernel";
    /** System property: microseconds a waiting worker thread spins before it parks. */
    static final String SPIN_MICROS_PROPERTY = "nn4j.pure.spinMicros";
    /** Upper bound accepted for {@value #SPIN_MICROS_PROPERTY}: one second. */
    static final long MAX_SPIN_MICROS = 1_000_000;
    /** The value of {@value #GEMM_KERNEL_PROPERTY} that picks the shape for this CPU. */
    static final String AUTO = "auto";
    /** The HotSpot option that says which x86 vector instructions the JIT uses: 3 is AVX-512. */
    static final String USE_AVX_OPTION = "UseAVX";
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
        if (gemmKernel == null) {
            throw new IllegalArgumentException("no micro-kernel shape");
        }
        if (spinMicros < 0 || spinMicros > MAX_SPIN_MICROS) {
            throw new IllegalArgumentException("spin time " + spinMicros + " is out of range 0 to " + MAX_SPIN_MICROS);
        }
    }

    /**
     * The settings in this JVM's system properties; an {@link IllegalArgumentException} names the property when one
     * is invalid.
     */
    static PureOptions fromSystemProperties() {
        return new PureOptions(parseThreads(System.getProperty(THREADS_PROPERTY),
                Runtime.getRuntime().availableProcessors()), parseSimd(System.getProperty(SIMD_PROPERTY)),
                parseGemmKernel(System.getProperty(GEMM_KERNEL_PROPERTY), vectorRegisters()),
                parseSpinMicros(System.getProperty(SPIN_MICROS_PROPERTY)));
    }

    /** {@code value} parsed as a thread count, or {@code fallback} when it is null or blank. */
    static int parseThreads(String value, int fallback) {
        return (int) parseBounded(THREADS_PROPERTY, value, fallback, 1, MAX_THREADS, "a thread count");
    }

    /** {@code value} of {@value #SPIN_MICROS_PROPERTY} parsed; null or blank give the default. */
    static long parseSpinMicros(String value) {
        return parseBounded(SPIN_MICROS_PROPERTY, value, TileExecutor.DEFAULT_SPIN_MICROS, 0, MAX_SPIN_MICROS,
                "microseconds");
    }

    /**
     * {@code value} of system property {@code property} parsed as an integer from {@code min} to {@code max}
     * ({@code what} in the error message), or {@code fallback} when it is null or blank.
     */
    private static long parseBounded(String property, String value, long fallback, long min, long max, String what) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("System property " + property + "='" + value
                    + "' is not an integer; use " + what + " from " + min + " to " + max, e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("System property " + property + "=" + n
                    + " is out of range; use " + what + " from " + min + " to " + max);
        }
        return n;
    }

    /** Whether {@code value} of {@value #SIMD_PROPERTY} leaves SIMD on: anything but {@code false} does. */
    static boolean parseSimd(String value) {
        return !"false".equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * {@code value} of {@value #GEMM_KERNEL_PROPERTY} parsed as a shape; null, blank or {@value #AUTO} give the
     * default for a CPU with {@code registers} vector registers.
     */
    static KernelShape parseGemmKernel(String value, int registers) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase(AUTO)) {
            return KernelShape.forRegisters(registers);
        }
        try {
            return KernelShape.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("System property " + GEMM_KERNEL_PROPERTY + ": " + e.getMessage()
                    + " or " + AUTO, e);
        }
    }

    /** The same settings with {@code threads} threads. */
    PureOptions withThreads(int threads) {
        return new PureOptions(threads, simd, gemmKernel, spinMicros);
    }

    /** The same settings with the micro-kernel {@code shape}. */
    PureOptions withGemmKernel(KernelShape shape) {
        return new PureOptions(threads, simd, shape, spinMicros);
    }

    /**
     * The vector registers the JIT can use on this CPU, as far as the JVM tells: 32 on x86 when HotSpot's
     * {@value #USE_AVX_OPTION} is 3 or more (AVX-512, also at 256 bits) and on 64-bit Arm (NEON, SVE); 16 on other
     * x86 JVMs (AVX2 and below, including {@code -XX:UseAVX=2} on an AVX-512 CPU) and wherever it cannot be told.
     */
    static int vectorRegisters() {
        return vectorRegisters(System.getProperty("os.arch", ""), vmOption(USE_AVX_OPTION));
    }

    /** {@link #vectorRegisters()} for the given {@code os.arch} and {@value #USE_AVX_OPTION} value (empty: unknown). */
    static int vectorRegisters(String arch, OptionalLong useAvx) {
        switch (arch) {
            case "aarch64":
                return 32;
            case "amd64":
            case "x86_64":
                return useAvx.isPresent() && useAvx.getAsLong() >= 3 ? 32 : 16;
            default:
                return 16;
        }
    }

    /** Whether the Vector API module is part of this JVM's boot layer. */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** This JVM's {@value #TRAP_LIMIT_OPTION}, or empty where it cannot be read (not HotSpot, no jdk.management). */
    static OptionalLong trapLimit() {
        return vmOption(TRAP_LIMIT_OPTION);
    }

    /** The integer HotSpot option {@code name}, or empty where it cannot be read (not HotSpot, no such option). */
    private static OptionalLong vmOption(String name) {
        try {
            com.sun.management.HotSpotDiagnosticMXBean hotSpot =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hotSpot == null) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(hotSpot.getVMOption(name).getValue()));
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
