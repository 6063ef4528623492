package io.github.nn4j.datasets.mnist;

import io.github.nn4j.datasets.files.DownloadListener;
import io.github.nn4j.datasets.files.FileDownloader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads MNIST, or another data set in MNIST's layout, verified, in one call.
 *
 * <pre>{@code
 * Mnist mnist = MnistDataset.load();                        // found or downloaded, verified
 * try (Tensor x = mnist.train().images(backend);            // [60000, 784], pixels in [0, 1]
 *      Tensor y = mnist.train().oneHotLabels(backend)) {    // [60000, 10]
 *     ...
 * }
 * }</pre>
 *
 * <h2>Where the files come from</h2>
 * By default the four files are searched for in {@code $NN4J_DATA}, {@code ../shared/data/mnist} (from the working
 * directory) and the user cache ({@code $XDG_CACHE_HOME/nn4j/mnist}, by default {@code ~/.cache/nn4j/mnist}), in
 * that order, and MNIST is downloaded into the cache from {@link MnistLocator#DEFAULT_MIRROR} when it is in none of
 * them ({@link MnistLocator} has the details). {@link Options#directory(Path)} looks in one directory instead and
 * never downloads; {@link Options#offline()} keeps the standard places but never downloads. Files that are nowhere
 * are a {@link MnistNotFoundException}, which lists every directory searched and what was found there.
 *
 * <h2>Verification</h2>
 * Files are checked against a {@code SHA256SUMS} file beside them when there is one, else against MNIST's published
 * digests; a mismatch is a {@link io.github.nn4j.datasets.files.ChecksumMismatchException}, never a silent load.
 * {@link Options#verify(boolean) verify(false)} loads a data set that has neither. Downloads are always verified.
 *
 * <p>Thread-safety: the static methods and a configured {@link Options} may be used from several threads; two
 * processes downloading into one cache at once do not damage each other's files.
 */
public final class MnistDataset {
    private MnistDataset() {
    }

    /**
     * MNIST from the standard places, downloaded into the user cache if it is in none of them.
     *
     * @return the training and test sets
     * @throws MnistNotFoundException if the files are nowhere and the download failed
     * @throws IOException            if a file is damaged ({@link io.github.nn4j.datasets.files.ChecksumMismatchException},
     *                                {@link io.github.nn4j.datasets.idx.IdxFormatException}) or cannot be read
     */
    public static Mnist load() throws IOException {
        return options().load();
    }

    /**
     * The data set in {@code directory} (or its {@code mnist} sub-directory), verified; never downloads.
     *
     * @param directory a directory holding the four files, gzipped or not
     * @return the training and test sets
     * @throws MnistNotFoundException if the directory does not hold all four files
     * @throws IOException            if a file is damaged or cannot be read
     */
    public static Mnist load(Path directory) throws IOException {
        return options().directory(directory).offline().load();
    }

    /**
     * Options for where to look, whether to download and whether to verify.
     *
     * @return new options with the defaults described above
     */
    public static Options options() {
        return new Options();
    }

    /**
     * Where {@link MnistDataset} looks for the files, whether it may download them and whether it verifies them.
     * Each setter returns this object; {@link #locate()} and {@link #load()} may be called any number of times.
     * Not thread-safe while being configured.
     */
    public static final class Options {
        private Path directory;
        private boolean download = true;
        private boolean verify = true;
        private URI mirror = URI.create(MnistLocator.DEFAULT_MIRROR);
        private FileDownloader.Timeouts timeouts = FileDownloader.Timeouts.STANDARD;
        private DownloadListener listener = DownloadListener.NONE;
        private MnistCatalog catalog = MnistCatalog.OFFICIAL;

        private Options() {
        }

        /**
         * Looks in {@code dir} and {@code dir/mnist} only, and never downloads (downloads go to the user cache only,
         * where nn4j may replace damaged files; a directory of the caller's is never changed).
         *
         * @param dir the directory
         * @return this
         */
        public Options directory(Path dir) {
            this.directory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Never downloads: files that are nowhere are a {@link MnistNotFoundException}.
         *
         * @return this
         */
        public Options offline() {
            this.download = false;
            return this;
        }

        /**
         * Downloads from {@code baseUrl} (a directory holding the four gzipped files under MNIST's names).
         *
         * @param baseUrl an http or https URL
         * @return this
         * @throws IllegalArgumentException if it is not an http or https URL with a host
         */
        public Options mirror(URI baseUrl) {
            this.mirror = FileDownloader.checkedBaseUri(baseUrl);
            return this;
        }

        /**
         * Time limits of a download ({@link FileDownloader.Timeouts#STANDARD} by default).
         *
         * @param limits the limits
         * @return this
         */
        public Options timeouts(FileDownloader.Timeouts limits) {
            this.timeouts = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Receives the progress of downloads (e.g. to draw a progress bar).
         *
         * @param progress the listener
         * @return this
         */
        public Options listener(DownloadListener progress) {
            this.listener = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * Whether files found are verified (default {@code true}); {@code false} loads a data set in MNIST's layout
         * that has no {@code SHA256SUMS}. The digests are computed either way ({@link MnistFileSet#sha256}).
         *
         * @param on whether to verify
         * @return this
         */
        public Options verify(boolean on) {
            this.verify = on;
            return this;
        }

        /**
         * The file names, sizes and digests to look for ({@link MnistCatalog#OFFICIAL} by default).
         *
         * @param files the catalog
         * @return this
         */
        public Options catalog(MnistCatalog files) {
            this.catalog = Objects.requireNonNull(files, "files");
            return this;
        }

        /**
         * Finds and verifies the four files without reading them.
         *
         * @return the files, their digests and how they were verified
         * @throws MnistNotFoundException if they are nowhere and downloading is off or failed
         * @throws IOException            if a file found has the wrong digest or cannot be read
         */
        public MnistFileSet locate() throws IOException {
            return locator().locate();
        }

        /**
         * Finds, verifies and reads the four files.
         *
         * @return the training and test sets
         * @throws MnistNotFoundException if they are nowhere and downloading is off or failed
         * @throws IOException            if a file is damaged or cannot be read
         */
        public Mnist load() throws IOException {
            return MnistLoader.load(locate());
        }

        private MnistLocator locator() {
            Map<String, String> env = System.getenv();
            Path home = Path.of(System.getProperty("user.home"));
            Path cache = MnistLocator.standardCacheDir(env, home);
            if (directory != null) {
                List<DataDirectory> searchPath = List.of(new DataDirectory(directory, "directory"),
                        new DataDirectory(directory.resolve("mnist"), "directory"));
                return new MnistLocator(catalog, searchPath, cache, null, verify);
            }
            FileDownloader downloader = download ? new FileDownloader(mirror, timeouts, listener) : null;
            return new MnistLocator(catalog, MnistLocator.standardSearchPath(null, env, Path.of("").toAbsolutePath(),
                    home), cache, downloader, verify);
        }
    }
}
