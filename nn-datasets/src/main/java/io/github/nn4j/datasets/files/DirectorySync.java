package io.github.nn4j.datasets.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the renames and creations in a directory durable ({@code fsync} of the directory itself). */
public final class DirectorySync {
    private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);

    private DirectorySync() {
    }

    /**
     * Flushes {@code dir}'s entries to disk; some file systems do not allow opening a directory, which is harmless.
     *
     * @param dir the directory whose entries (names, renames) must survive a crash
     */
    public static void force(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not fsync directory {}: {}", dir, e.toString());
        }
    }
}
