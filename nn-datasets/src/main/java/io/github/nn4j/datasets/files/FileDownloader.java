package io.github.nn4j.datasets.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads files from a base URL into a directory, verifying each against its size and SHA-256 before it gets
 * its final name.
 *
 * <p>The bytes go to a hidden temporary file in the target directory ({@code .NAME.PID.RANDOM.part}), are flushed
 * to disk with {@code fsync}, verified (length against the expected size and {@code Content-Length}, digest
 * against the expected SHA-256), and only then atomically renamed to {@code NAME}. Nothing can make it hang or
 * fill the disk: the connection and the response headers have a time limit, so has every wait for the next bytes
 * of the body and the whole transfer ({@link Timeouts}), and a body larger than the expected size is cut off. A
 * download that fails for any reason (HTTP error, connection lost, time limit, wrong length, wrong digest,
 * interruption) deletes its temporary file; so does a shutdown of the JVM (SIGINT, SIGTERM) during a download;
 * and if the process is killed outright, the {@code .part} file it leaves is removed by
 * {@link #sweepAbandonedParts} on a later run.
 */
public final class FileDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(FileDownloader.class);
    private static final int BUFFER_BYTES = 1 << 16;
    /** {@code .NAME.PID.RANDOM.part}: the process id tells whether the download is still running. */
    private static final Pattern PART = Pattern.compile("\\..+\\.(\\d+)\\.[0-9a-f-]+\\.part");

    /**
     * The time limits of a download.
     *
     * @param response how long to wait for the connection and for the response headers
     * @param idle     how long to wait for more bytes of the body
     * @param total    how long the whole transfer of one file may take, headers included
     */
    public record Timeouts(Duration response, Duration idle, Duration total) {
        /** 30 s to connect and answer, 60 s without a byte, 10 min per file (MNIST's largest is 9.9 MB). */
        public static final Timeouts STANDARD = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofMinutes(10));

        /**
         * Checks that every limit is positive.
         *
         * @param response how long to wait for the connection and for the response headers
         * @param idle     how long to wait for more bytes of the body
         * @param total    how long the whole transfer of one file may take
         */
        public Timeouts {
            for (Duration d : new Duration[] {response, idle, total}) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("time limits must be positive: " + d);
                }
            }
        }
    }

    private final URI baseUri;
    private final HttpClient client;
    private final Timeouts timeouts;
    private final DownloadListener listener;

    /**
     * A downloader for files under {@code baseUri} (a trailing slash is added if missing).
     *
     * @param baseUri  e.g. {@code https://ossci-datasets.s3.amazonaws.com/mnist/}
     * @param timeouts the time limits
     * @param listener receives progress events
     * @throws IllegalArgumentException if {@code baseUri} is not an http or https URL with a host
     */
    public FileDownloader(URI baseUri, Timeouts timeouts, DownloadListener listener) {
        this.baseUri = checkedBaseUri(baseUri);
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeouts.response())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * {@code uri} with a trailing slash, if it can serve as a base URL for downloads.
     *
     * @param uri an http or https URL
     * @return the URL, ending with a slash
     * @throws IllegalArgumentException naming the URL and the problem if it is not http or https or has no host
     */
    public static URI checkedBaseUri(URI uri) {
        String base = Objects.requireNonNull(uri, "baseUri").toString();
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("download URL must be http:// or https://, got " + uri);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("download URL has no host: " + uri);
        }
        return URI.create(base.endsWith("/") ? base : base + "/");
    }

    /**
     * The base URL files are downloaded from.
     *
     * @return a URL that ends with a slash
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Downloads {@code name} from the base URL into {@code targetDir/name}, replacing a file of that name.
     *
     * @param name          the file name, relative to the base URL
     * @param sha256        the expected SHA-256 of the file, hex
     * @param expectedBytes the expected size of the file; a server that announces or sends another size is refused
     * @param targetDir     the directory the file goes to (created if missing)
     * @return the path of the verified file
     * @throws ChecksumMismatchException if the downloaded bytes have another digest (nothing is left behind)
     * @throws IOException               for HTTP errors, lost connections, time limits, wrong sizes and file-system
     *                                   errors (nothing is left behind either)
     */
    public Path download(String name, String sha256, long expectedBytes, Path targetDir) throws IOException {
        URI uri = baseUri.resolve(name);
        Path target = targetDir.resolve(name);
        try {
            Files.createDirectories(targetDir);
        } catch (IOException e) {
            throw FileProblems.describe("cannot create the download directory " + targetDir, e);
        }
        sweepAbandonedParts(targetDir);
        // A unique hidden name; not Files.createTempFile, whose owner-only permissions would stick to the data.
        Path temp = targetDir.resolve("." + name + "." + ProcessHandle.current().pid() + "." + UUID.randomUUID()
                + ".part");
        try {
            Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        } catch (IOException e) {
            throw FileProblems.describe("cannot write into the download directory " + targetDir, e);
        }
        PartFiles.register(temp);
        boolean moved = false;
        long deadline = System.nanoTime() + timeouts.total().toNanos();
        try {
            HttpResponse<InputStream> response = send(uri);
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("GET " + uri + ": HTTP status " + response.statusCode());
                }
                long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
                if (announced >= 0 && announced != expectedBytes) {
                    throw new IOException("GET " + uri + ": the server announces " + announced + " bytes, but the file"
                            + " is " + expectedBytes + " bytes; refusing it");
                }
                listener.started(name, uri, announced);
                MessageDigest digest = Sha256.newDigest();
                long received = copy(uri, body, temp, digest, name, expectedBytes, deadline);
                if (received != expectedBytes) {
                    throw new IOException("GET " + uri + ": truncated download, expected " + expectedBytes
                            + " bytes, received " + received);
                }
                String found = Sha256.hex(digest);
                if (!found.equalsIgnoreCase(sha256)) {
                    throw new ChecksumMismatchException(uri.toString(), sha256.toLowerCase(Locale.ROOT), found);
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            DirectorySync.force(targetDir);
            LOG.info("Downloaded {} to {}", uri, target);
            listener.finished(name, target);
            return target;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
            PartFiles.unregister(temp);
        }
    }

    private HttpResponse<InputStream> send(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeouts.response()).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + uri);
        } catch (IOException e) {
            throw new IOException("GET " + uri + " failed: " + why(e), e);
        }
    }

    /** {@code 30 s}, {@code 0.3 s}. */
    static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return String.format(Locale.ROOT, s < 10 && s != Math.rint(s) ? "%.1f s" : "%.0f s", s);
    }

    /** A failed connection in words: the JDK's exceptions often carry no message. */
    private String why(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + seconds(timeouts.response());
        }
        if (e instanceof HttpTimeoutException) {
            return "no response within " + seconds(timeouts.response());
        }
        if (e instanceof ConnectException) {
            Throwable cause = e.getCause();
            if (cause instanceof UnresolvedAddressException) {
                return "unknown host " + baseUri.getHost();
            }
            return "could not connect to " + baseUri.getHost() + (baseUri.getPort() >= 0 ? ":" + baseUri.getPort() : "")
                    + " (" + (e.getMessage() != null ? e.getMessage() : "connection refused") + ")";
        }
        return e.toString();
    }

    /** Copies the body into {@code temp} under the idle and total time limits and the size cap. */
    private long copy(URI uri, InputStream body, Path temp, MessageDigest digest, String name, long expectedBytes,
            long deadline) throws IOException {
        long received = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                TransferWatch watch = new TransferWatch(body, timeouts, deadline)) {
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    watch.throwIfExpired(uri, received, expectedBytes);
                    throw new IOException("GET " + uri + ": connection lost after " + received + " of " + expectedBytes
                            + " bytes: " + e, e);
                }
                watch.throwIfExpired(uri, received, expectedBytes);
                if (n < 0) {
                    break;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted while downloading " + name);
                }
                if (received + n > expectedBytes) {
                    throw new IOException("GET " + uri + ": the server sends more than the file's " + expectedBytes
                            + " bytes; refusing it");
                }
                watch.progress();
                digest.update(buffer, 0, n);
                write(out, ByteBuffer.wrap(buffer, 0, n), temp);
                received += n;
                listener.progress(name, received, expectedBytes);
            }
            out.force(true);
        }
        return received;
    }

    private static void write(FileChannel out, ByteBuffer bytes, Path temp) throws IOException {
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw FileProblems.describe("cannot write " + temp, e);
        }
    }

    /**
     * Deletes the {@code .part} files in {@code dir} that no download is writing any more: those whose process is
     * gone, and any older than the longest a download may take. Safe while other processes download into the same
     * directory; a directory that does not exist or cannot be read is left alone.
     *
     * @param dir a download directory
     */
    public static void sweepAbandonedParts(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, ".*.part")) {
            for (Path part : parts) {
                Matcher m = PART.matcher(part.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                boolean running;
                try {
                    running = ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
                } catch (NumberFormatException e) {
                    running = false;
                }
                long age = now - Files.getLastModifiedTime(part).toMillis();
                if (!running || age > Timeouts.STANDARD.total().toMillis() * 2) {
                    Files.deleteIfExists(part);
                    LOG.info("Removed {}, left by an interrupted download", part);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not sweep {}: {}", dir, e.toString());
        }
    }


    /**
     * Enforces the idle and total time limits on a body being read: a daemon thread closes the body when either
     * passes, which ends a read blocked on a silent server; the reader then learns why from
     * {@link #throwIfExpired}.
     */
    private static final class TransferWatch implements AutoCloseable {
        private final InputStream body;
        private final Timeouts timeouts;
        private final long idleNanos;
        private final long deadline;
        private final Thread thread;
        private volatile long lastProgress = System.nanoTime();
        private volatile String expired;
        private volatile boolean closed;

        TransferWatch(InputStream body, Timeouts timeouts, long deadline) {
            this.body = body;
            this.timeouts = timeouts;
            this.idleNanos = timeouts.idle().toNanos();
            this.deadline = deadline;
            this.thread = new Thread(this::watch, "nn4j-download-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void progress() {
            lastProgress = System.nanoTime();
        }

        private void watch() {
            long period = Math.max(1_000_000L, Math.min(idleNanos, 1_000_000_000L) / 10);
            while (!closed) {
                long now = System.nanoTime();
                if (now - lastProgress > idleNanos) {
                    expire("no data for " + seconds(timeouts.idle()) + " (the time limit between bytes)");
                    return;
                }
                if (now - deadline > 0) {
                    expire("not complete within " + seconds(timeouts.total()) + " (the time limit of a whole file)");
                    return;
                }
                try {
                    Thread.sleep(period / 1_000_000L, (int) (period % 1_000_000L));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void expire(String why) {
            expired = why;
            try {
                body.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing a stalled download: {}", e.toString());
            }
        }

        void throwIfExpired(URI uri, long received, long expectedBytes) throws IOException {
            String why = expired;
            if (why != null) {
                throw new HttpTimeoutException("GET " + uri + ": " + why + ", after " + received + " of "
                        + expectedBytes + " bytes");
            }
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
        }
    }

    /** The {@code .part} files of downloads in progress, deleted by a shutdown hook if the JVM exits during one. */
    private static final class PartFiles {
        private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
        private static boolean hooked;

        static synchronized void register(Path part) {
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(PartFiles::deleteAll, "nn4j-download-cleanup"));
                hooked = true;
            }
            IN_PROGRESS.add(part);
        }

        static void unregister(Path part) {
            IN_PROGRESS.remove(part);
        }

        private static void deleteAll() {
            for (Path part : IN_PROGRESS) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // the JVM is exiting; a later run's sweep removes what is left
                }
            }
        }
    }
}
