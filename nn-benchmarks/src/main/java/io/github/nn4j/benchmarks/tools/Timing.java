package io.github.nn4j.benchmarks.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The one timing helper of the tools: clocks, and the median time per call over batches. The tools measure quick
 * comparisons on a shared machine, so besides wall-clock time they offer CPU time, which other processes on the
 * machine do not inflate: of the calling thread (for single-threaded work) or of the whole process (for work on
 * several threads). Official numbers come from the JMH benchmarks.
 */
final class Timing {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** What is measured. */
    enum Clock {
        /** Elapsed time; meaningful only on an otherwise idle machine. */
        WALL,
        /** CPU time of the calling thread: single-threaded work, undisturbed by other processes. */
        THREAD_CPU,
        /** CPU time of the whole process: work on several threads, undisturbed by other processes. */
        PROCESS_CPU;

        /** The clock's current reading in nanoseconds (only differences mean anything). */
        long now() {
            switch (this) {
                case WALL: return System.nanoTime();
                case THREAD_CPU: return THREADS.getCurrentThreadCpuTime();
                case PROCESS_CPU: return OS.getProcessCpuTime();
                default: throw new AssertionError(this);
            }
        }

        /** The clock named {@code wall}, {@code thread} or {@code process}. */
        static Clock named(String name) {
            switch (name) {
                case "wall": return WALL;
                case "thread": return THREAD_CPU;
                case "process": return PROCESS_CPU;
                default: throw new IllegalArgumentException("unknown clock '" + name + "': wall, thread or process");
            }
        }
    }

    /** Wall-clock and calling-thread CPU time of one run. */
    record Elapsed(long wallNanos, long threadCpuNanos) {
        double wallSeconds() {
            return wallNanos / 1e9;
        }

        double threadCpuSeconds() {
            return threadCpuNanos / 1e9;
        }
    }

    private Timing() {
    }

    /** Runs {@code task} once and returns how long it took. */
    static Elapsed time(Runnable task) {
        long wall = Clock.WALL.now();
        long cpu = Clock.THREAD_CPU.now();
        task.run();
        return new Elapsed(Clock.WALL.now() - wall, Clock.THREAD_CPU.now() - cpu);
    }

    /**
     * Nanoseconds of the fastest single call of {@code task} on {@code clock}: {@code warmUpCalls} calls first, then
     * calls timed one by one for {@code totalNanos} of wall-clock time; the minimum. On a shared machine other work
     * can only make a call slower, so the fastest call is the steadiest measure of the code's own speed (for calls
     * well above the clock's resolution, about a microsecond for CPU time).
     */
    static double fastestCall(Runnable task, Clock clock, int warmUpCalls, long totalNanos) {
        for (int i = 0; i < warmUpCalls; i++) {
            task.run();
        }
        long fastest = Long.MAX_VALUE;
        long end = System.nanoTime() + totalNanos;
        do {
            long start = clock.now();
            task.run();
            fastest = Math.min(fastest, clock.now() - start);
        } while (System.nanoTime() < end);
        return fastest;
    }

    /**
     * Nanoseconds per call of {@code task} on {@code clock}: {@code warmUpCalls} calls first, then {@code batches}
     * batches, each repeating the task until the clock has advanced {@code minBatchNanos}; the median batch.
     */
    static double nanosPerCall(Runnable task, Clock clock, int warmUpCalls, int batches, long minBatchNanos) {
        for (int i = 0; i < warmUpCalls; i++) {
            task.run();
        }
        double[] perCall = new double[batches];
        for (int b = 0; b < batches; b++) {
            long start = clock.now();
            long elapsed;
            int calls = 0;
            do {
                task.run();
                calls++;
                elapsed = clock.now() - start;
            } while (elapsed < minBatchNanos);
            perCall[b] = elapsed / (double) calls;
        }
        Arrays.sort(perCall);
        return perCall[batches / 2];
    }
}
