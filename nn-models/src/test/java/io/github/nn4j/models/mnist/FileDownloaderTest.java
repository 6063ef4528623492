package io.github.nn4j.models.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads for real, over HTTP on the loopback interface, from the JDK's built-in server. */
class FileDownloaderTest {
    @TempDir
    Path root;

    private final TinyMnist tiny = new TinyMnist();
    /** What the server sends for a path below /mnist/: the full body, or a body cut short. */
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private HttpServer server;
    private URI base;

    FileDownloaderTest() throws IOException {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mnist/", this::serve);
        server.start();
        base = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/mnist/");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/mnist/".length());
        synchronized (requests) {
            requests.add(name);
        }
        byte[] body = served.get(name);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        Integer cut = cutAfter.get(name);
        OutputStream out = exchange.getResponseBody();
        if (cut == null) {
            out.write(body);
            out.close();
            return;
        }
        // Send part of the announced body, then drop the connection, as a failing network would.
        out.write(body, 0, cut);
        out.flush();
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.getHttpContext().getServer().stop(0);
    }

    private FileDownloader downloader(DownloadListener listener) {
        return new FileDownloader(base, Duration.ofSeconds(10), listener);
    }

    private List<Path> filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aGoodFileLandsInTheCacheVerifiedWithProgress() throws IOException {
        MnistFileSpec spec = tiny.catalog.spec(MnistPart.TRAIN_IMAGES);
        byte[] body = tiny.gz.get(MnistPart.TRAIN_IMAGES);
        served.put(spec.gzName(), body);
        List<Long> progress = new ArrayList<>();
        long[] announced = {-2};
        Path[] finished = {null};
        Path cache = root.resolve("cache");

        Path file = downloader(new DownloadListener() {
            @Override
            public void started(String name, URI source, long totalBytes) {
                announced[0] = totalBytes;
            }

            @Override
            public void progress(String name, long bytesReceived, long totalBytes) {
                progress.add(bytesReceived);
            }

            @Override
            public void finished(String name, Path f) {
                finished[0] = f;
            }
        }).download(spec.gzName(), spec.gzSha256(), cache);

        assertThat(file).isEqualTo(cache.resolve(spec.gzName()));
        assertThat(Files.readAllBytes(file)).containsExactly(body);
        assertThat(filesIn(cache)).containsExactly(file);
        assertThat(announced[0]).isEqualTo(body.length);
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(body.length);
        assertThat(finished[0]).isEqualTo(file);
    }

    @Test
    void aCorruptedFileIsRejectedAndLeavesNothingBehind() throws IOException {
        MnistFileSpec spec = tiny.catalog.spec(MnistPart.TEST_IMAGES);
        byte[] body = tiny.gz.get(MnistPart.TEST_IMAGES).clone();
        body[body.length / 2] ^= 0x10;
        served.put(spec.gzName(), body);
        Path cache = root.resolve("cache");

        assertThatThrownBy(() -> downloader(DownloadListener.NONE).download(spec.gzName(), spec.gzSha256(), cache))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining(base.resolve(spec.gzName()).toString())
                .hasMessageContaining("expected " + spec.gzSha256())
                .hasMessageContaining("found " + TinyMnist.sha256(body));
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void anInterruptedDownloadLeavesNothingThatLooksComplete() throws IOException {
        MnistFileSpec spec = tiny.catalog.spec(MnistPart.TRAIN_IMAGES);
        byte[] body = tiny.gz.get(MnistPart.TRAIN_IMAGES);
        served.put(spec.gzName(), body);
        cutAfter.put(spec.gzName(), body.length / 2);
        Path cache = root.resolve("cache");

        assertThatThrownBy(() -> downloader(DownloadListener.NONE).download(spec.gzName(), spec.gzSha256(), cache))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(spec.gzName())
                // The client sees either a reset connection or a short body, depending on timing.
                .hasMessageMatching("(?s).*(failed after \\d+ bytes|truncated download).*");
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void anHttpErrorNamesTheUrlAndStatus() {
        Path cache = root.resolve("cache");

        assertThatThrownBy(() -> downloader(DownloadListener.NONE).download("nope.gz", "0".repeat(64), cache))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("GET " + base.resolve("nope.gz") + ": HTTP status 404");
        assertThat(Files.exists(cache.resolve("nope.gz"))).isFalse();
    }

    @Test
    void theLocatorDownloadsWhatIsMissingEverywhereThenTheDataLoads() throws IOException {
        for (MnistPart part : MnistPart.values()) {
            served.put(tiny.catalog.spec(part).gzName(), tiny.gz.get(part));
        }
        Path cache = root.resolve("cache");
        MnistLocator locator = new MnistLocator(tiny.catalog,
                List.of(new DataDirectory(root.resolve("empty"), "--data"), new DataDirectory(cache, "user cache")),
                cache, downloader(DownloadListener.NONE));

        MnistFileSet files = locator.locate();
        Mnist mnist = MnistLoader.load(files);
        MnistFileSet again = locator.locate();

        assertThat(files.directory().path()).isEqualTo(cache);
        assertThat(filesIn(cache)).hasSize(4);
        assertThat(mnist.train().count()).isEqualTo(TinyMnist.TRAIN);
        assertThat(mnist.test().count()).isEqualTo(TinyMnist.TEST);
        assertThat(again.files()).isEqualTo(files.files());
        assertThat(requests).hasSize(4); // the second locate() found the cache and downloaded nothing
    }
}
