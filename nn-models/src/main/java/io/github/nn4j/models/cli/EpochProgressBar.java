package io.github.nn4j.models.cli;

import io.github.nn4j.api.network.EpochStats;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingListener;
import io.github.nn4j.api.network.TrainingWarning;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * A console progress bar for {@code Network.fit}: while an epoch runs, one line redrawn in place (only on an
 * interactive terminal) with the bar, the running loss, samples per second and the time left; after each
 * epoch, a permanent line with the epoch's loss, validation loss and metrics, throughput and ETA; a line for each
 * training warning.
 */
final class EpochProgressBar implements TrainingListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int RECENT = 5;

    private final PrintWriter out;
    private final boolean interactive;
    private final int samples;
    private final int batchSize;
    /** Wall-clock end of the last few epochs (validation included), for the ETA. */
    private final ArrayDeque<Long> recentEpochEnds = new ArrayDeque<>();
    private long epochStart = System.nanoTime();
    private long lastDraw;
    private double lossSum;
    private int lossCount;

    /**
     * @param samples     training samples per epoch
     * @param batchSize   mini-batch size
     * @param interactive whether {@code out} is a terminal that understands carriage returns
     */
    EpochProgressBar(PrintWriter out, int samples, int batchSize, boolean interactive) {
        this.out = out;
        this.samples = samples;
        this.batchSize = batchSize;
        this.interactive = interactive;
        recentEpochEnds.add(System.nanoTime());
    }

    /** The ETA counts from here: a bar made early (before loading data, or for a later phase) must not count that. */
    @Override
    public void onTrainingStart(TrainingConfig config) {
        recentEpochEnds.clear();
        recentEpochEnds.add(System.nanoTime());
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double batchLoss) {
        if (batch == 1) {
            epochStart = System.nanoTime();
            lossSum = 0;
            lossCount = 0;
        }
        lossSum += batchLoss;
        lossCount++;
        long now = System.nanoTime();
        if (!interactive || now - lastDraw < REDRAW_NANOS || batch == batches) {
            return;
        }
        lastDraw = now;
        double fraction = (double) batch / batches;
        int done = Math.min(samples, batch * batchSize);
        double rate = done / ((now - epochStart) / 1e9);
        int filled = (int) Math.round(fraction * WIDTH);
        out.printf(Locale.ROOT, "\r  epoch %d [%s%s] %3.0f%%  loss %.4f  %,.0f samples/s   ", epoch,
                "=".repeat(filled), " ".repeat(WIDTH - filled), 100 * fraction, lossSum / lossCount, rate);
        out.flush();
    }

    @Override
    public void onEpochEnd(EpochStats s) {
        // ETA from the last (up to) five epochs: the machine may be shared, so recent speed predicts best.
        recentEpochEnds.add(System.nanoTime());
        if (recentEpochEnds.size() > RECENT + 1) {
            recentEpochEnds.removeFirst();
        }
        double perEpoch = (recentEpochEnds.getLast() - recentEpochEnds.getFirst()) / 1e9 / (recentEpochEnds.size() - 1);
        double eta = perEpoch * (s.epochs() - s.epoch());
        StringBuilder validation = new StringBuilder();
        if (!Double.isNaN(s.validationLoss())) {
            validation.append(String.format(Locale.ROOT, "  validation %.4f", s.validationLoss()));
        }
        s.validationMetrics().forEach((name, value) ->
                validation.append(String.format(Locale.ROOT, "  %s %.4f", name, value)));
        out.printf(Locale.ROOT, "%s  epoch %3d/%d  loss %.4f%s  %5.1f s  %,7.0f samples/s  ETA %s%n",
                interactive ? "\r" + " ".repeat(WIDTH + 60) + "\r" : "", s.epoch(), s.epochs(), s.loss(), validation,
                s.elapsedNanos() / 1e9, s.samplesPerSecond(), clock(eta));
        out.flush();
    }

    @Override
    public void onWarning(TrainingWarning w) {
        out.printf(Locale.ROOT, "%s  warning, %s%n", interactive ? "\r" + " ".repeat(WIDTH + 60) + "\r" : "", w);
        out.flush();
    }

    /** {@code m:ss} or {@code h:mm:ss}. */
    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
