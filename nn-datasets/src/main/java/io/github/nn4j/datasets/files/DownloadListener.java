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

    /**
     * The server answered.
     *
     * @param name       the file name
     * @param source     the URL
     * @param totalBytes the announced length, or -1 if none was announced
     */
    default void started(String name, URI source, long totalBytes) {
    }

    /**
     * Bytes of the file have been written.
     *
     * @param name          the file name
     * @param bytesReceived the bytes written so far
     * @param totalBytes    the size of the file
     */
    default void progress(String name, long bytesReceived, long totalBytes) {
    }

    /**
     * The file was verified and has its final name.
     *
     * @param name the file name
     * @param file where it is
     */
    default void finished(String name, Path file) {
    }
}
