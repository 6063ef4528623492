package io.github.nn4j.datasets.files;

import java.net.URI;
import java.nio.file.Path;

/**
 * Receives progress of a download, e.g. to draw a progress bar. All methods are called on the
 * downloading thread; the default implementations do nothing.
 */
public interface DownloadListener {

    /** A listener that ignores every event. */
    DownloadListener NONE = new DownloadListener() {
    };

    /** The server answered; {@code totalBytes} is the announced length, or -1 if none was announced. */
    default void started(String name, URI source, long totalBytes) {
    }

    /** {@code bytesReceived} bytes of {@code name} have been written so far. */
    default void progress(String name, long bytesReceived, long totalBytes) {
    }

    /** The file was verified and moved to {@code file}. */
    default void finished(String name, Path file) {
    }
}
