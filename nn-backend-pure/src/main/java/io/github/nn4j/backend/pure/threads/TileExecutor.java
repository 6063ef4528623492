package io.github.nn4j.backend.pure.threads;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A long-lived set of daemon threads that run the independent tiles of one operation together with the
 * calling thread, without allocating per operation.
 *
 * <p>Tiles are handed out through an atomic counter, so which thread runs which tile depends on
 * scheduling; callers must therefore make every tile's result independent of the thread that computes
 * it (GEMM tiles are disjoint blocks of the output, each summed in a fixed order). One operation uses the
 * threads at a time: {@link #tryRun} returns {@code false} when they are busy with another caller's
 * operation, and that caller then runs its tiles itself, with the same result.
 */
public final class TileExecutor {

    /** Work divided into tiles {@code 0 .. count-1} that may run in any order on any thread. */
    public interface TileTask {
        /** Computes tile {@code tile}; must not touch memory another tile writes. */
        void runTile(int tile);
    }

    /**
     * How long a waiting thread spins before it parks, by default: 1 ms. A parked worker takes tens of microseconds to
     * wake, on every operation that finds it asleep, while the main thread waits for its tile; spinning through the
     * serial work between the parallel operations of a training step (small products, element-wise layers, the
     * optimizer: up to some hundreds of microseconds) keeps it awake. The cost is at most this much idle CPU per
     * worker after the last operation of a burst. A time rather than a count of spin-wait hints, whose length differs
     * tenfold between CPUs.
     */
    public static final long DEFAULT_SPIN_MICROS = 1000;

    private final long spinNanos;

    private final int threads;
    private final Thread[] workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger nextTile = new AtomicInteger();
    private final AtomicInteger busyWorkers = new AtomicInteger();
    private volatile int generation;
    private volatile Throwable workerFailure;
    // Written by the caller before the volatile write of generation, read by workers after reading it.
    private TileTask task;
    private int tileCount;
    private Thread caller;

    /** Starts {@code threads - 1} daemon worker threads (none for {@code threads == 1}) with the default spin. */
    public TileExecutor(int threads, String threadNamePrefix) {
        this(threads, DEFAULT_SPIN_MICROS, threadNamePrefix);
    }

    /**
     * Starts {@code threads - 1} daemon worker threads (none for {@code threads == 1}); a thread waiting for work or
     * for the others spins for {@code spinMicros} (0 or more) before it parks, trading idle CPU for latency.
     */
    public TileExecutor(int threads, long spinMicros, String threadNamePrefix) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        if (spinMicros < 0) {
            throw new IllegalArgumentException("spin time must not be negative, got " + spinMicros + " microseconds");
        }
        this.threads = threads;
        this.spinNanos = spinMicros * 1000;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            Thread t = new Thread(this::workerLoop, threadNamePrefix + (i + 1));
            t.setDaemon(true);
            workers[i] = t;
        }
        for (Thread t : workers) {
            t.start();
        }
    }

    /** Threads that share an operation, counting the caller. */
    public int threads() {
        return threads;
    }

    /**
     * Runs tiles {@code 0 .. count-1} of {@code work} on the worker threads and the calling thread, and
     * returns {@code true} once all are done; returns {@code false} at once, having run nothing, when there
     * are no workers or they are busy with another operation.
     */
    public boolean tryRun(TileTask work, int count) {
        if (workers.length == 0 || lock.isHeldByCurrentThread() || !lock.tryLock()) {
            return false;
        }
        try {
            task = work;
            tileCount = count;
            caller = Thread.currentThread();
            workerFailure = null;
            nextTile.set(0);
            busyWorkers.set(workers.length);
            generation = generation + 1; // publishes the fields above to the workers
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
            Throwable own = null;
            try {
                drain(work, count);
            } catch (RuntimeException | Error e) {
                own = e;
            }
            long spinStart = System.nanoTime();
            while (busyWorkers.get() != 0) {
                if (System.nanoTime() - spinStart < spinNanos) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            task = null;
            Throwable failure = own != null ? own : workerFailure;
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void drain(TileTask work, int count) {
        int t;
        while ((t = nextTile.getAndIncrement()) < count) {
            work.runTile(t);
        }
    }

    private void workerLoop() {
        int seen = 0;
        while (true) {
            long spinStart = System.nanoTime();
            int g;
            while ((g = generation) == seen) {
                if (System.nanoTime() - spinStart < spinNanos) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = g;
            try {
                drain(task, tileCount);
            } catch (RuntimeException | Error e) {
                workerFailure = e;
            } finally {
                Thread waiting = caller;
                if (busyWorkers.decrementAndGet() == 0) {
                    LockSupport.unpark(waiting);
                }
            }
        }
    }
}
