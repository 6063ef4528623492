package io.github.nn4j.datasets.files;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Starts {@link #main} with {@code args} in a JVM with the test class path, its output going to the two files;
     * the caller ends it.
     */
    static Process start(Path stdout, Path stderr, String... args) throws IOException {
        // Surefire names the test class path in this property even when it starts the JVM from a manifest-only jar.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath, DownloadProbe.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }
}
