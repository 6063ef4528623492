package io.github.nn4j.models.mnist;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads files from a base URL into a directory, verifying each against its SHA-256 before it gets its
 * final name.
 *
 * <p>The bytes go to a hidden temporary file in the target directory ({@code .NAME.*.part}), are flushed
 * to disk with {@code fsync}, verified (length against {@code Content-Length}, digest against the
 * expected SHA-256), and only then atomically renamed to {@code NAME}. A download that fails for any
 * reason (HTTP error, connection lost, wrong length, wrong digest, interruption) deletes its temporary
 * file; even if the process is killed, what remains is a {@code .part} file that nobody mistakes for a
 * complete one.
 */
public final class FileDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(FileDownloader.class);
    private static final int BUFFER_BYTES = 1 << 16;

    private final URI baseUri;
    private final HttpClient client;
    private final Duration responseTimeout;
    private final DownloadListener listener;

    /**
     * A downloader for files under {@code baseUri} (a trailing slash is added if missing).
     *
     * @param baseUri         e.g. {@code https://ossci-datasets.s3.amazonaws.com/mnist/}
     * @param responseTimeout how long to wait for the connection and the response headers
     * @param listener        receives progress events
     */
    public FileDownloader(URI baseUri, Duration responseTimeout, DownloadListener listener) {
        String base = Objects.requireNonNull(baseUri, "baseUri").toString();
        this.baseUri = URI.create(base.endsWith("/") ? base : base + "/");
        String scheme = this.baseUri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("download URL must be http or https: " + baseUri);
        }
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.client = HttpClient.newBuilder()
                .connectTimeout(responseTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The base URL files are downloaded from (ends with a slash). */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Downloads {@code name} from the base URL into {@code targetDir/name}, replacing a file of that name.
     *
     * @param sha256 the expected SHA-256 of the file, hex
     * @return the path of the verified file
     * @throws ChecksumMismatchException if the downloaded bytes have another digest (nothing is left behind)
     * @throws IOException               for HTTP errors, lost connections and short bodies (nothing is left
     *                                   behind either)
     */
    public Path download(String name, String sha256, Path targetDir) throws IOException {
        URI uri = baseUri.resolve(name);
        Path target = targetDir.resolve(name);
        Files.createDirectories(targetDir);
        // A unique hidden name; not Files.createTempFile, whose owner-only permissions would stick to the data.
        Path temp = targetDir.resolve("." + name + "." + UUID.randomUUID() + ".part");
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        boolean moved = false;
        try {
            HttpResponse<InputStream> response = send(uri);
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("GET " + uri + ": HTTP status " + response.statusCode());
                }
                long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
                listener.started(name, uri, announced);
                MessageDigest digest = Sha256.newDigest();
                long received = copy(body, temp, digest, name, announced);
                if (announced >= 0 && received != announced) {
                    throw new IOException("GET " + uri + ": truncated download, Content-Length " + announced
                            + " bytes, received " + received);
                }
                String found = Sha256.hex(digest);
                if (!found.equalsIgnoreCase(sha256)) {
                    throw new ChecksumMismatchException(uri.toString(), sha256.toLowerCase(java.util.Locale.ROOT),
                            found);
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            syncDirectory(targetDir);
            LOG.info("Downloaded {} to {}", uri, target);
            listener.finished(name, target);
            return target;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private HttpResponse<InputStream> send(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(responseTimeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + uri);
        } catch (IOException e) {
            throw new IOException("GET " + uri + " failed: " + why(e), e);
        }
    }

    /** A failed connection in words: the JDK's exceptions often carry no message. */
    private String why(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + responseTimeout.toSeconds() + " s (" + e.getClass().getSimpleName() + ")";
        }
        if (e instanceof HttpTimeoutException) {
            return "no response within " + responseTimeout.toSeconds() + " s (" + e.getClass().getSimpleName() + ")";
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

    private long copy(InputStream body, Path temp, MessageDigest digest, String name, long announced)
            throws IOException {
        long received = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted while downloading " + name);
                }
                digest.update(buffer, 0, n);
                ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                received += n;
                listener.progress(name, received, announced);
            }
            out.force(true);
        } catch (IOException e) {
            if (e instanceof InterruptedIOException) {
                throw e;
            }
            throw new IOException("downloading " + name + " failed after " + received + " bytes: " + e, e);
        }
        return received;
    }

    /** Makes the rename durable; some file systems do not allow opening a directory, which is harmless. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not fsync directory {}: {}", dir, e.toString());
        }
    }
}
