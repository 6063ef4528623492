package io.github.nn4j.datasets.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.nn4j.datasets.mnist.DataDirectory;
import io.github.nn4j.datasets.mnist.Mnist;
import io.github.nn4j.datasets.mnist.MnistFileSet;
import io.github.nn4j.datasets.mnist.MnistFileSpec;
import io.github.nn4j.datasets.mnist.MnistLoader;
import io.github.nn4j.datasets.mnist.MnistLocator;
import io.github.nn4j.datasets.mnist.MnistPart;
import io.github.nn4j.datasets.testsupport.TinyMnist;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads for real, over HTTP on the loopback interface, from the JDK's built-in server: good files, damaged ones,
 * and servers that misbehave (cut the connection, go silent before or during the body, trickle, send an endless body,
 * announce the wrong size), plus a download killed by a signal in a child JVM.
 */
class FileDownloaderTest {
    /**
     * Short limits, so that the misbehaving servers are given up on quickly, yet long enough for a loopback
     * connection on a loaded machine (0.5 s to connect was once too short with a load average of 10 on 2 cores).
     */
    private static final FileDownloader.Timeouts SHORT = new FileDownloader.Timeouts(Duration.ofSeconds(5),
            Duration.ofSeconds(2), Duration.ofSeconds(20));

    @TempDir
    Path root;

    private final TinyMnist tiny = new TinyMnist();
    /** What the server sends for a path below /mnist/, and how. */
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviour = new ConcurrentHashMap<>();
    private final List<String> requests = new ArrayList<>();
    /** Released when the test ends, so that stalled handlers return. */
    private final CountDownLatch testOver = new CountDownLatch(1);
    private ExecutorService handlers;
    private HttpServer server;
    private URI base;

    private enum Behaviour {
        /** Half the announced body, then the connection is dropped. */
        CUT,
        /** Headers never come. */
        SILENT_BEFORE_HEADERS,
        /** Half the announced body, then nothing more, the connection held open. */
        SILENT_AFTER_HALF,
        /** A chunked body (no Content-Length) that never ends. */
        ENDLESS,
        /** One byte every 50 ms: never idle for long, but never done either. */
        TRICKLE,
        /** A Content-Length one larger than the file. */
        WRONG_LENGTH
    }

    FileDownloaderTest() throws IOException {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers); // a stalled handler must not block the others
        server.createContext("/mnist/", this::serve);
        server.start();
        base = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/mnist/");
    }

    @AfterEach
    void stopServer() {
        testOver.countDown();
        server.stop(0);
        handlers.shutdownNow();
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
        Behaviour how = behaviour.get(name);
        try (OutputStream out = exchange.getResponseBody()) {
            if (how == null) {
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
                return;
            }
            switch (how) {
                case CUT -> {
                    exchange.sendResponseHeaders(200, body.length);
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    pause(50);
                    exchange.getHttpContext().getServer().stop(0);
                }
                case SILENT_BEFORE_HEADERS -> pause(30_000);
                case SILENT_AFTER_HALF -> {
                    exchange.sendResponseHeaders(200, body.length);
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    pause(30_000);
                }
                case ENDLESS -> {
                    exchange.sendResponseHeaders(200, 0);
                    byte[] chunk = new byte[8192];
                    while (testOver.getCount() > 0) {
                        out.write(chunk); // ends with an IOException when the client hangs up
                    }
                }
                case TRICKLE -> {
                    exchange.sendResponseHeaders(200, body.length);
                    for (int i = 0; i < body.length && testOver.getCount() > 0; i++) {
                        out.write(body[i]);
                        out.flush();
                        pause(50);
                    }
                }
                case WRONG_LENGTH -> {
                    exchange.sendResponseHeaders(200, body.length + 1L);
                    out.write(body);
                    out.write(0);
                }
                default -> throw new IllegalStateException(how.toString());
            }
        } catch (IOException e) {
            // the client hung up, as it should on a misbehaving server
        }
    }

    private void pause(long millis) {
        try {
            testOver.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FileDownloader downloader(DownloadListener listener) {
        return new FileDownloader(base, SHORT, listener);
    }

    private MnistFileSpec serve(MnistPart part, Behaviour how) {
        MnistFileSpec spec = tiny.catalog.spec(part);
        served.put(spec.gzName(), tiny.gz.get(part));
        if (how != null) {
            behaviour.put(spec.gzName(), how);
        }
        return spec;
    }

    private Path download(MnistFileSpec spec, Path dir) throws IOException {
        return downloader(DownloadListener.NONE).download(spec.gzName(), spec.gzSha256(), spec.gzBytes(), dir);
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aGoodFileLandsInTheCacheVerifiedWithProgress() throws IOException {
        MnistFileSpec spec = serve(MnistPart.TRAIN_IMAGES, null);
        byte[] body = tiny.gz.get(MnistPart.TRAIN_IMAGES);
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
        }).download(spec.gzName(), spec.gzSha256(), spec.gzBytes(), cache);

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

        assertThatThrownBy(() -> download(spec, cache))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining(base.resolve(spec.gzName()).toString())
                .hasMessageContaining("expected " + spec.gzSha256())
                .hasMessageContaining("found " + TinyMnist.sha256(body));
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void aDroppedConnectionLeavesNothingThatLooksComplete() throws IOException {
        MnistFileSpec spec = serve(MnistPart.TRAIN_IMAGES, Behaviour.CUT);
        Path cache = root.resolve("cache");

        assertThatThrownBy(() -> download(spec, cache))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(spec.gzName())
                // The client sees either a reset connection or a short body, depending on timing.
                .hasMessageMatching("(?s).*(connection lost after \\d+ of \\d+ bytes|truncated download).*");
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpOnAfterTheResponseTimeLimit() throws IOException {
        MnistFileSpec spec = serve(MnistPart.TRAIN_LABELS, Behaviour.SILENT_BEFORE_HEADERS);
        Path cache = root.resolve("cache");
        long start = System.nanoTime();

        FileDownloader impatient = new FileDownloader(base, new FileDownloader.Timeouts(Duration.ofSeconds(1),
                SHORT.idle(), SHORT.total()), DownloadListener.NONE);

        // no response: the usual outcome; no connection: where the loaded machine is slower to connect than that
        assertThatThrownBy(() -> impatient.download(spec.gzName(), spec.gzSha256(), spec.gzBytes(), cache))
                .isInstanceOf(IOException.class)
                .hasMessageMatching("GET " + java.util.regex.Pattern.quote(base.resolve(spec.gzName()).toString())
                        + " failed: no (response|connection) within 1 s");

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void aServerThatGoesSilentInTheMiddleIsGivenUpOnAfterTheIdleTimeLimit() throws IOException {
        MnistFileSpec spec = serve(MnistPart.TRAIN_IMAGES, Behaviour.SILENT_AFTER_HALF);
        Path cache = root.resolve("cache");
        long start = System.nanoTime();

        assertThatThrownBy(() -> download(spec, cache)).isInstanceOf(HttpTimeoutException.class)
                .hasMessageStartingWith("GET " + base.resolve(spec.gzName()) + ": no data for 2 s (the time limit "
                        + "between bytes), after ")
                .hasMessageEndingWith(" of " + spec.gzBytes() + " bytes");

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void aTrickleThatNeverFinishesIsGivenUpOnAtTheTimeLimitOfTheWholeFile() throws IOException {
        MnistFileSpec spec = serve(MnistPart.TRAIN_IMAGES, Behaviour.TRICKLE);
        Path cache = root.resolve("cache");
        long start = System.nanoTime();

        FileDownloader patient = new FileDownloader(base, new FileDownloader.Timeouts(SHORT.response(), SHORT.idle(),
                Duration.ofMillis(2500)), DownloadListener.NONE);

        assertThatThrownBy(() -> patient.download(spec.gzName(), spec.gzSha256(), spec.gzBytes(), cache))
                .isInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining(": not complete within 2.5 s (the time limit of a whole file), after ");

        assertThat((System.nanoTime() - start) / 1e9).isBetween(2.4, 15.0);
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void anEndlessBodyIsCutOffAtTheFileSizeNotWrittenToDisk() throws IOException {
        MnistFileSpec spec = serve(MnistPart.TEST_IMAGES, Behaviour.ENDLESS);
        Path cache = root.resolve("cache");

        assertThatThrownBy(() -> download(spec, cache)).isInstanceOf(IOException.class)
                .hasMessage("GET " + base.resolve(spec.gzName()) + ": the server sends more than the file's "
                        + spec.gzBytes() + " bytes; refusing it");
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void aWrongContentLengthIsRefusedBeforeTheBody() throws IOException {
        MnistFileSpec spec = serve(MnistPart.TEST_LABELS, Behaviour.WRONG_LENGTH);
        Path cache = root.resolve("cache");

        assertThatThrownBy(() -> download(spec, cache)).isInstanceOf(IOException.class)
                .hasMessage("GET " + base.resolve(spec.gzName()) + ": the server announces " + (spec.gzBytes() + 1)
                        + " bytes, but the file is " + spec.gzBytes() + " bytes; refusing it");
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void anHttpErrorNamesTheUrlAndStatus() {
        Path cache = root.resolve("cache");

        assertThatThrownBy(() -> downloader(DownloadListener.NONE).download("nope.gz", "0".repeat(64), 10, cache))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("GET " + base.resolve("nope.gz") + ": HTTP status 404");
        assertThat(Files.exists(cache.resolve("nope.gz"))).isFalse();
    }

    @Test
    void aDownloadEndedBySigtermLeavesNoPartFile() throws Exception {
        MnistFileSpec spec = serve(MnistPart.TRAIN_IMAGES, Behaviour.SILENT_AFTER_HALF);
        Path cache = Files.createDirectories(root.resolve("cache"));
        Path out = root.resolve("child.out");
        Path err = root.resolve("child.err");
        Process child = DownloadProbe.start(out, err, base.toString(), spec.gzName(), spec.gzSha256(),
                Long.toString(spec.gzBytes()), cache.toString());
        try {
            long until = System.nanoTime() + 60_000_000_000L;
            while (partFiles(cache).isEmpty() || Files.size(partFiles(cache).get(0)) == 0) {
                assertThat(child.isAlive()).as("the child is downloading: %s", Files.readString(err)).isTrue();
                assertThat(System.nanoTime()).as("a .part file with data appears").isLessThan(until);
                Thread.sleep(20);
            }
            child.destroy(); // SIGTERM, as a user's kill or a container stop sends
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(143);
        assertThat(filesIn(cache)).as("after SIGTERM").isEmpty();
    }

    @Test
    void partFilesOfDownloadsThatAreGoneAreSweptAndThoseInProgressKept() throws IOException {
        Path cache = Files.createDirectories(root.resolve("cache"));
        long dead = ProcessHandle.current().pid();
        while (ProcessHandle.of(++dead).isPresent()) {
            // find a process id that no process has
        }
        Path abandoned = Files.write(cache.resolve(".a.gz." + dead + ".0d3c-11.part"), new byte[10]);
        Path live = Files.write(cache.resolve(".b.gz." + ProcessHandle.current().pid() + ".77ab.part"), new byte[10]);
        Path stale = Files.write(cache.resolve(".c.gz." + ProcessHandle.current().pid() + ".9e.part"), new byte[10]);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path data = Files.write(cache.resolve("data.gz"), new byte[10]);

        FileDownloader.sweepAbandonedParts(cache);

        assertThat(filesIn(cache)).containsExactlyInAnyOrder(live, data).doesNotContain(abandoned, stale);
    }

    private static List<Path> partFiles(Path dir) throws IOException {
        return filesIn(dir).stream().filter(p -> p.getFileName().toString().endsWith(".part")).toList();
    }

    @Test
    void theLocatorDownloadsWhatIsMissingEverywhereThenTheDataLoads() throws IOException {
        for (MnistPart part : MnistPart.values()) {
            serve(part, null);
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

    @Test
    void aDamagedFileInTheCacheIsMovedAsideAndDownloadedAgain() throws IOException {
        for (MnistPart part : MnistPart.values()) {
            serve(part, null);
        }
        Path cache = root.resolve("cache");
        tiny.writeGz(cache);
        Path victim = cache.resolve(tiny.catalog.spec(MnistPart.TEST_LABELS).gzName());
        Files.write(victim, new byte[] {1, 2, 3});
        List<DataDirectory> path = List.of(new DataDirectory(cache, "user cache"));

        assertThatThrownBy(() -> new MnistLocator(tiny.catalog, path, cache, null).locate())
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining(victim + ": SHA-256 mismatch")
                .hasMessageContaining("It is in nn4j's download cache: delete it (or the whole directory " + cache
                        + ") and let nn4j download it again");
        MnistFileSet files = new MnistLocator(tiny.catalog, path, cache, downloader(DownloadListener.NONE)).locate();

        assertThat(requests).containsExactly(victim.getFileName().toString());
        assertThat(Files.readAllBytes(victim)).containsExactly(tiny.gz.get(MnistPart.TEST_LABELS));
        assertThat(files.directory().path()).isEqualTo(cache);
        assertThat(filesIn(cache)).hasSize(5).anyMatch(p -> p.getFileName().toString()
                .matches("tiny-test_labels\\.gz\\.damaged-\\d{8}T\\d{6}Z"));
    }
}
