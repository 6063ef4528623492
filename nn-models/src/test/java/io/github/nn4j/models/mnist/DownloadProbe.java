package io.github.nn4j.models.mnist;

import java.net.URI;
import java.nio.file.Path;

/**
 * The program {@link FileDownloaderTest} runs in a child JVM to end it with a signal mid-download:
 * {@code DownloadProbe BASE_URL NAME SHA256 BYTES DIR} downloads one file with the standard time limits.
 */
public final class DownloadProbe {
    private DownloadProbe() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        new FileDownloader(URI.create(args[0]), FileDownloader.Timeouts.STANDARD, DownloadListener.NONE)
                .download(args[1], args[2], Long.parseLong(args[3]), Path.of(args[4]));
    }
}
