package io.github.nn4j.backend.pure.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The tile executor runs every tile exactly once, reports failures, and stays usable afterwards. */
class TileExecutorTest {
    private static final TileExecutor EXECUTOR = new TileExecutor(3, "tile-executor-test-");

    @Test
    void runsEveryTileExactlyOnce() {
        for (int round = 0; round < 200; round++) {
            int count = 1 + round % 37;
            AtomicIntegerArray runs = new AtomicIntegerArray(count);
            assertThat(EXECUTOR.tryRun(runs::incrementAndGet, count)).isTrue();
            for (int t = 0; t < count; t++) {
                assertThat(runs.get(t)).as("round %d tile %d", round, t).isEqualTo(1);
            }
        }
    }

    @Test
    void aFailingTileIsRethrownToTheCaller() {
        assertThatThrownBy(() -> EXECUTOR.tryRun(t -> {
            if (t == 5) {
                throw new IllegalStateException("tile 5 failed");
            }
        }, 20)).isInstanceOf(IllegalStateException.class).hasMessage("tile 5 failed");
        AtomicIntegerArray runs = new AtomicIntegerArray(4);
        assertThat(EXECUTOR.tryRun(runs::incrementAndGet, 4)).isTrue();
        assertThat(runs.toString()).isEqualTo("[1, 1, 1, 1]");
    }

    @Test
    void workersWakeUpAfterSleepingPastTheirSpin() throws InterruptedException {
        // 0: every wait parks at once; 200 microseconds: the pauses below outlast the spin, so the workers are parked
        for (long spinMicros : new long[] {0, 200}) {
            TileExecutor executor = new TileExecutor(2, spinMicros, "tile-executor-spin-test-");
            for (int round = 0; round < 20; round++) {
                Thread.sleep(round % 2 == 0 ? 0 : 2);
                AtomicIntegerArray runs = new AtomicIntegerArray(8);
                assertThat(executor.tryRun(t -> {
                    runs.incrementAndGet(t);
                    if (t == 0) {
                        sleepQuietly(); // makes the worker take tiles (and the caller wait) in most rounds
                    }
                }, 8)).isTrue();
                assertThat(runs.toString()).as("spin %d us, round %d", spinMicros, round)
                        .isEqualTo("[1, 1, 1, 1, 1, 1, 1, 1]");
            }
        }
    }

    @Test
    void aNegativeSpinIsRefused() {
        assertThatThrownBy(() -> new TileExecutor(2, -1, "unused-")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSingleThreadExecutorDeclinesSoTheCallerRunsTheTiles() {
        TileExecutor single = new TileExecutor(1, "unused-");
        assertThat(single.tryRun(t -> { }, 4)).isFalse();
    }
}
