package io.github.nn4j.models.cli;

import io.github.nn4j.datasets.files.DownloadListener;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** Shows the progress of MNIST downloads on the console (redrawn in place on a terminal, else every 25 %). */
final class DownloadProgressBar implements DownloadListener {
    private final PrintWriter out;
    private final boolean interactive;
    private long lastDraw;
    private int lastQuarter;

    DownloadProgressBar(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void started(String name, URI source, long totalBytes) {
        lastQuarter = 0;
        out.printf(Locale.ROOT, "  downloading %s (%s)%n", source, totalBytes >= 0 ? mb(totalBytes) : "size unknown");
        out.flush();
    }

    @Override
    public void progress(String name, long bytesReceived, long totalBytes) {
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            out.printf(Locale.ROOT, "\r    %s  %s%s   ", name, mb(bytesReceived),
                    totalBytes > 0 ? String.format(Locale.ROOT, " of %s (%.0f%%)", mb(totalBytes),
                            100.0 * bytesReceived / totalBytes) : "");
            out.flush();
        } else if (totalBytes > 0) {
            int quarter = (int) (4 * bytesReceived / totalBytes);
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                out.printf(Locale.ROOT, "    %s  %d%%%n", name, 25 * quarter);
                out.flush();
            }
        }
    }

    @Override
    public void finished(String name, Path file) {
        out.printf(Locale.ROOT, "%s    %s verified (SHA-256) and saved to %s%n", interactive ? "\r" : "", name, file);
        out.flush();
    }

    private static String mb(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
