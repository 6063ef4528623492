package io.github.nn4j.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nn4j.api.network.EpochStats;
import io.github.nn4j.api.network.TrainingConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class EpochProgressBarTest {
    @Test
    void printsOneLinePerEpochWithLossThroughputAndEtaWhenNotOnATerminal() {
        StringWriter text = new StringWriter();
        EpochProgressBar bar = new EpochProgressBar(new PrintWriter(text), 1000, 100, false);

        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int b = 1; b <= 10; b++) {
                bar.onBatchEnd(epoch, b, 10, 1.0 / epoch);
            }
            bar.onEpochEnd(new EpochStats(epoch, 3, 1.0 / epoch, 0.9 / epoch, 500_000_000L, 1000));
        }

        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches("  epoch   1/3  loss 1\\.0000  validation 0\\.9000    0\\.5 s    2,000 samples/s  ETA \\d+:\\d\\d");
        assertThat(lines[1]).startsWith("  epoch   2/3  loss 0.5000  validation 0.4500");
        assertThat(text.toString()).doesNotContain("\r");
    }

    @Test
    void theEtaCountsFromTheStartOfTraining() throws InterruptedException {
        StringWriter text = new StringWriter();
        EpochProgressBar bar = new EpochProgressBar(new PrintWriter(text), 1000, 100, false);
        Thread.sleep(1200); // what came before training (loading data, another phase) must not enter the ETA
        bar.onTrainingStart(TrainingConfig.builder(3).build());
        bar.onEpochEnd(new EpochStats(1, 3, 1.0, 0.9, 1_000_000L, 1000));
        assertThat(text.toString()).endsWith("ETA 0:00\n");
    }

    @Test
    void clockFormatsMinutesAndHours() {
        assertThat(EpochProgressBar.clock(59.4)).isEqualTo("0:59");
        assertThat(EpochProgressBar.clock(754)).isEqualTo("12:34");
        assertThat(EpochProgressBar.clock(3 * 3600 + 62)).isEqualTo("3:01:02");
    }
}
