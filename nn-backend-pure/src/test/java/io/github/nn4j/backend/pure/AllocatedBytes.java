package io.github.nn4j.backend.pure;

import java.lang.management.ManagementFactory;

/** Heap bytes allocated so far by all live threads of this JVM (HotSpot's thread allocation counters). */
final class AllocatedBytes {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocatedBytes() {
    }

    /** The sum over all live threads of the bytes each has allocated; threads that ended are not counted. */
    static long allThreads() {
        long sum = 0;
        for (long b : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            if (b > 0) {
                sum += b;
            }
        }
        return sum;
    }
}
