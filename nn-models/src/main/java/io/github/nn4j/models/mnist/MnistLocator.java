package io.github.nn4j.models.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the MNIST files, verifies their SHA-256, and downloads them into the cache directory when they are
 * nowhere to be found (unless downloading is disabled).
 *
 * <h2>Search order</h2>
 * {@link #standardSearchPath}: the {@code --data} directory, then {@value #ENV}, then
 * {@code ../shared/data/mnist} relative to the working directory, then the user cache
 * ({@code $XDG_CACHE_HOME/nn4j/mnist}, by default {@code ~/.cache/nn4j/mnist}). For {@code --data} and
 * {@value #ENV}, a {@code mnist} sub-directory is also accepted. The first directory that holds all four
 * parts wins; each part may be gzipped ({@code *.gz}, preferred) or raw. A directory holding only some
 * parts is skipped with a warning.
 *
 * <h2>Verification</h2>
 * Every file of the chosen directory is checked against the catalog's SHA-256 (of the gzipped or of the
 * raw form, whichever is present). A mismatch is an error, not a reason to look elsewhere: a damaged
 * file should be noticed and replaced.
 */
public final class MnistLocator {
    /** Environment variable naming a directory with the MNIST files. */
    public static final String ENV = "NN4J_DATA";
    /** A public mirror with the original gzipped files. */
    public static final String DEFAULT_MIRROR = "https://ossci-datasets.s3.amazonaws.com/mnist/";

    private static final Logger LOG = LoggerFactory.getLogger(MnistLocator.class);

    private final MnistCatalog catalog;
    private final List<DataDirectory> searchPath;
    private final Path cacheDir;
    private final FileDownloader downloader;

    /**
     * @param catalog    the files and digests to look for
     * @param searchPath directories to search, in order
     * @param cacheDir   where downloads go
     * @param downloader how to download, or {@code null} to forbid downloading (offline)
     */
    public MnistLocator(MnistCatalog catalog, List<DataDirectory> searchPath, Path cacheDir,
            FileDownloader downloader) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.searchPath = List.copyOf(searchPath);
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.downloader = downloader;
    }

    /**
     * The standard search path.
     *
     * @param dataOption the {@code --data} directory, or {@code null}
     * @param env        the environment (for {@value #ENV} and {@code XDG_CACHE_HOME})
     * @param workingDir the working directory
     * @param userHome   the user's home directory
     */
    public static List<DataDirectory> standardSearchPath(Path dataOption, Map<String, String> env,
            Path workingDir, Path userHome) {
        List<DataDirectory> dirs = new ArrayList<>();
        if (dataOption != null) {
            dirs.add(new DataDirectory(dataOption, "--data"));
            dirs.add(new DataDirectory(dataOption.resolve("mnist"), "--data"));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Path.of(fromEnv);
            dirs.add(new DataDirectory(p, ENV));
            dirs.add(new DataDirectory(p.resolve("mnist"), ENV));
        }
        dirs.add(new DataDirectory(workingDir.resolve("../shared/data/mnist").normalize(),
                "../shared/data/mnist"));
        dirs.add(new DataDirectory(standardCacheDir(env, userHome), "user cache"));
        return dirs;
    }

    /** {@code $XDG_CACHE_HOME/nn4j/mnist} if that variable is set, else {@code ~/.cache/nn4j/mnist}. */
    public static Path standardCacheDir(Map<String, String> env, Path userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".cache");
        return base.resolve("nn4j").resolve("mnist");
    }

    /**
     * Returns the verified files from the first directory that has them all, downloading into the cache
     * directory if none has them and downloading is allowed.
     *
     * @throws MnistNotFoundException    if no directory has them and downloading is disabled
     * @throws ChecksumMismatchException if a file found (or downloaded) has the wrong digest
     */
    public MnistFileSet locate() throws IOException {
        List<String> report = new ArrayList<>();
        for (DataDirectory dir : searchPath) {
            Map<MnistPart, Path> found = new EnumMap<>(MnistPart.class);
            List<String> missing = new ArrayList<>();
            for (MnistPart part : MnistPart.values()) {
                Path file = existingFile(dir.path(), catalog.spec(part));
                if (file != null) {
                    found.put(part, file);
                } else {
                    missing.add(catalog.spec(part).gzName());
                }
            }
            if (missing.isEmpty()) {
                verify(found);
                LOG.info("Using MNIST from {}", dir);
                return new MnistFileSet(dir, found);
            }
            if (!found.isEmpty()) {
                LOG.warn("{} has only some of the MNIST files (missing {}); looking elsewhere", dir, missing);
            }
            report.add("  " + dir + ": " + (found.isEmpty() ? "no MNIST files" : "missing " + missing));
        }
        if (downloader == null) {
            throw new MnistNotFoundException("MNIST was not found and downloading is disabled (offline). Searched:\n"
                    + String.join("\n", report)
                    + "\nPut the four files (gzipped or raw) in one of these directories, or pass --data DIR.");
        }
        return download();
    }

    private MnistFileSet download() throws IOException {
        DataDirectory cache = new DataDirectory(cacheDir, "user cache");
        LOG.info("MNIST not found locally; downloading from {} into {}", downloader.baseUri(), cacheDir);
        Map<MnistPart, Path> files = new EnumMap<>(MnistPart.class);
        for (MnistPart part : MnistPart.values()) {
            MnistFileSpec spec = catalog.spec(part);
            Path existing = existingFile(cacheDir, spec);
            if (existing != null) {
                verifyOne(existing, spec);
                files.put(part, existing);
            } else {
                files.put(part, downloader.download(spec.gzName(), spec.gzSha256(), cacheDir));
            }
        }
        return new MnistFileSet(cache, files);
    }

    private static Path existingFile(Path dir, MnistFileSpec spec) {
        Path gz = dir.resolve(spec.gzName());
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(spec.rawName());
        return Files.isRegularFile(raw) ? raw : null;
    }

    private void verify(Map<MnistPart, Path> files) throws IOException {
        for (Map.Entry<MnistPart, Path> e : files.entrySet()) {
            verifyOne(e.getValue(), catalog.spec(e.getKey()));
        }
    }

    private static void verifyOne(Path file, MnistFileSpec spec) throws IOException {
        boolean gz = file.getFileName().toString().equals(spec.gzName());
        Sha256.verify(file, gz ? spec.gzSha256() : spec.rawSha256());
    }
}
