package io.github.nn4j.datasets.mnist;

import io.github.nn4j.datasets.files.ChecksumMismatchException;
import io.github.nn4j.datasets.files.FileDownloader;
import io.github.nn4j.datasets.files.FileProblems;
import io.github.nn4j.datasets.files.Sha256;
import io.github.nn4j.datasets.files.Sha256Sums;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the four data files (MNIST, or another data set in MNIST's layout), verifies their SHA-256, and downloads
 * MNIST into the cache directory when they are nowhere to be found (unless downloading is disabled).
 *
 * <h2>Search order</h2>
 * {@link #standardSearchPath}: the {@code --data} directory, then {@value #ENV}, then
 * {@code ../shared/data/mnist} relative to the working directory, then the user cache
 * ({@code $XDG_CACHE_HOME/nn4j/mnist}, by default {@code ~/.cache/nn4j/mnist}). For {@code --data} and
 * {@value #ENV}, a {@code mnist} sub-directory is also accepted. The first directory that holds all four
 * parts wins; each part may be gzipped ({@code *.gz}, preferred) or raw. A directory holding only some
 * parts, or that cannot be read, is skipped with a warning, and {@link MnistFileSet#passedOver()} says why.
 *
 * <h2>Verification</h2>
 * The files of the chosen directory are checked against the {@value Sha256Sums#FILE_NAME} file beside them when
 * there is one (so that another data set in the same layout is verified too), else against the catalog's published
 * digests (of the gzipped or of the raw form, whichever is present). A mismatch is an error, not a reason to look
 * elsewhere: a damaged file should be noticed and replaced. Verification can be switched off; the digests are
 * computed anyway, to name the data in reports, and {@link MnistFileSet#official()} says whether the files are
 * MNIST's.
 */
public final class MnistLocator {
    /** Environment variable naming a directory with the MNIST files. */
    public static final String ENV = "NN4J_DATA";
    /** A public mirror with the original gzipped files. */
    public static final String DEFAULT_MIRROR = "https://ossci-datasets.s3.amazonaws.com/mnist/";

    private static final Logger LOG = LoggerFactory.getLogger(MnistLocator.class);
    private static final DateTimeFormatter DAMAGED_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final MnistCatalog catalog;
    private final List<DataDirectory> searchPath;
    private final Path cacheDir;
    private final FileDownloader downloader;
    private final boolean verify;

    /**
     * A locator that verifies what it finds.
     *
     * @param catalog    the files and digests to look for
     * @param searchPath directories to search, in order
     * @param cacheDir   where downloads go
     * @param downloader how to download, or {@code null} to forbid downloading (offline)
     */
    public MnistLocator(MnistCatalog catalog, List<DataDirectory> searchPath, Path cacheDir,
            FileDownloader downloader) {
        this(catalog, searchPath, cacheDir, downloader, true);
    }

    /**
     * @param catalog    the files and digests to look for
     * @param searchPath directories to search, in order
     * @param cacheDir   where downloads go
     * @param downloader how to download, or {@code null} to forbid downloading (offline)
     * @param verify     whether to verify the files found (downloads are always verified)
     */
    public MnistLocator(MnistCatalog catalog, List<DataDirectory> searchPath, Path cacheDir,
            FileDownloader downloader, boolean verify) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.searchPath = List.copyOf(searchPath);
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.downloader = downloader;
        this.verify = verify;
    }

    /**
     * The standard search path.
     *
     * @param dataOption the {@code --data} directory, or {@code null}
     * @param env        the environment (for {@value #ENV} and {@code XDG_CACHE_HOME})
     * @param workingDir the working directory
     * @param userHome   the user's home directory
     * @return the directories, in the order they are searched
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

    /**
     * The download cache.
     *
     * @param env      the environment (for {@code XDG_CACHE_HOME})
     * @param userHome the user's home directory
     * @return {@code $XDG_CACHE_HOME/nn4j/mnist} if that variable is set, else {@code ~/.cache/nn4j/mnist}
     */
    public static Path standardCacheDir(Map<String, String> env, Path userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".cache");
        return base.resolve("nn4j").resolve("mnist");
    }

    /**
     * Returns the files from the first directory that has them all, verified unless verification is off,
     * downloading MNIST into the cache directory if no directory has them and downloading is allowed.
     *
     * @return the files, their digests and how they were verified
     *
     * @throws MnistNotFoundException    if no directory has them and downloading is disabled or fails
     * @throws ChecksumMismatchException if a file found has the wrong digest
     * @throws IOException               if a file found cannot be read, or its {@value Sha256Sums#FILE_NAME} is
     *                                   malformed or does not list it
     */
    public MnistFileSet locate() throws IOException {
        FileDownloader.sweepAbandonedParts(cacheDir);
        List<DirectoryFinding> searched = new ArrayList<>();
        for (DataDirectory dir : searchPath) {
            Map<MnistPart, Path> found = new EnumMap<>(MnistPart.class);
            String problem = inspect(dir.path(), found);
            if (problem == null && isCache(dir.path())) {
                problem = checkCached(found);
            }
            if (problem == null) {
                MnistFileSet files = verified(dir, found, searched);
                LOG.info("Using {} from {} ({})", files.official() ? "MNIST" : "an IDX data set", dir,
                        files.verification());
                return files;
            }
            if (!found.isEmpty() || problem.startsWith("cannot")) {
                LOG.warn("{}: {}; looking elsewhere", dir, problem);
            }
            searched.add(new DirectoryFinding(dir, problem));
        }
        List<String> expected = catalog.gzNames();
        if (downloader == null) {
            throw new MnistNotFoundException(searched, expected, null, null);
        }
        try {
            return download(searched);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new MnistNotFoundException(searched, expected, downloader.baseUri(), e);
        }
    }

    /**
     * Fills {@code found} with the parts present in {@code dir}; returns {@code null} when all four are, else what
     * is wrong, in words.
     */
    private String inspect(Path dir, Map<MnistPart, Path> found) {
        try {
            if (!Files.readAttributes(dir, BasicFileAttributes.class).isDirectory()) {
                return "is not a directory";
            }
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
                listing.iterator().hasNext(); // proves the directory can be read
            }
        } catch (NoSuchFileException e) {
            return "does not exist";
        } catch (IOException e) {
            return "cannot be read: " + FileProblems.reason(e);
        }
        List<String> missing = new ArrayList<>();
        for (MnistPart part : MnistPart.values()) {
            Path file = existingFile(dir, catalog.spec(part));
            if (file != null) {
                found.put(part, file);
            } else {
                missing.add(catalog.spec(part).gzName());
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return found.isEmpty() ? "none of the four files"
                : "only " + found.size() + " of the four files (missing " + String.join(", ", missing) + ")";
    }

    private MnistFileSet verified(DataDirectory dir, Map<MnistPart, Path> files, List<DirectoryFinding> passedOver)
            throws IOException {
        Map<MnistPart, String> digests = new EnumMap<>(MnistPart.class);
        boolean official = true;
        for (MnistPart part : MnistPart.values()) {
            Path file = files.get(part);
            String digest = digest(file);
            digests.put(part, digest);
            official &= digest.equals(publishedDigest(part, file));
        }
        if (!verify) {
            LOG.warn("The files in {} are not verified (verification is off)", dir);
            return new MnistFileSet(dir, files, digests, MnistFileSet.Verification.NONE, official, passedOver);
        }
        Optional<Sha256Sums> sums = Sha256Sums.in(dir.path());
        if (sums.isPresent()) {
            for (MnistPart part : MnistPart.values()) {
                Path file = files.get(part);
                String listed = sums.get().digest(file.getFileName().toString()).orElseThrow(() -> new IOException(
                        sums.get().file() + " does not list " + file.getFileName() + ", so it cannot be verified"));
                if (!listed.equals(digests.get(part))) {
                    throw new ChecksumMismatchException(file.toString(), listed, digests.get(part),
                            "The expected digest is the one listed in " + sums.get().file());
                }
            }
            // MNIST's own files are verified against the published digests too, which says more than a list beside them
            return new MnistFileSet(dir, files, digests, official ? MnistFileSet.Verification.PUBLISHED_MNIST
                    : MnistFileSet.Verification.SHA256SUMS, official, passedOver);
        }
        for (MnistPart part : MnistPart.values()) {
            Path file = files.get(part);
            String expected = publishedDigest(part, file);
            if (!expected.equals(digests.get(part))) {
                throw new ChecksumMismatchException(file.toString(), expected, digests.get(part),
                        "The expected digest is the published one of the official MNIST file, as there is no "
                                + Sha256Sums.FILE_NAME + " in " + dir.path() + ". If the file is damaged, replace it; "
                                + "if the directory holds another data set in MNIST's layout, put a "
                                + Sha256Sums.FILE_NAME + " file beside its four files (as 'sha256sum FILES > "
                                + Sha256Sums.FILE_NAME + "' writes it) to have them verified against that");
            }
        }
        return new MnistFileSet(dir, files, digests, MnistFileSet.Verification.PUBLISHED_MNIST, true, passedOver);
    }

    private String publishedDigest(MnistPart part, Path file) {
        MnistFileSpec spec = catalog.spec(part);
        return file.getFileName().toString().equals(spec.gzName()) ? spec.gzSha256() : spec.rawSha256();
    }

    private static String digest(Path file) throws IOException {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw FileProblems.describe("cannot read " + file, e);
        }
    }

    private MnistFileSet download(List<DirectoryFinding> searched) throws IOException {
        DataDirectory cache = new DataDirectory(cacheDir, "user cache");
        LOG.info("MNIST not found locally; downloading from {} into {}", downloader.baseUri(), cacheDir);
        Map<MnistPart, Path> files = new EnumMap<>(MnistPart.class);
        Map<MnistPart, String> digests = new EnumMap<>(MnistPart.class);
        for (MnistPart part : MnistPart.values()) {
            MnistFileSpec spec = catalog.spec(part);
            Path existing = existingFile(cacheDir, spec);
            if (existing != null && checkCached(part, existing)) {
                files.put(part, existing);
            } else {
                files.put(part, downloader.download(spec.gzName(), spec.gzSha256(), spec.gzBytes(), cacheDir));
            }
            digests.put(part, publishedDigest(part, files.get(part)));
        }
        return new MnistFileSet(cache, files, digests, MnistFileSet.Verification.PUBLISHED_MNIST, true, searched);
    }

    private boolean isCache(Path dir) {
        return dir.toAbsolutePath().normalize().equals(cacheDir.toAbsolutePath().normalize());
    }

    /**
     * Checks the files found in the cache; returns {@code null} if all are sound, else what was moved aside (they
     * are then downloaded again).
     */
    private String checkCached(Map<MnistPart, Path> found) throws IOException {
        List<String> movedAside = new ArrayList<>();
        for (Map.Entry<MnistPart, Path> e : found.entrySet()) {
            if (!checkCached(e.getKey(), e.getValue())) {
                movedAside.add(e.getValue().getFileName().toString());
            }
        }
        return movedAside.isEmpty() ? null : "damaged " + String.join(", ", movedAside) + " moved aside";
    }

    /**
     * Whether a file in the cache is sound. A damaged one is moved aside (to {@code NAME.damaged-TIME}) when it can
     * be downloaded again; else the error says how to repair it.
     */
    private boolean checkCached(MnistPart part, Path file) throws IOException {
        String expected = publishedDigest(part, file);
        String found = digest(file);
        if (found.equals(expected)) {
            return true;
        }
        if (downloader == null) {
            throw new ChecksumMismatchException(file.toString(), expected, found, "The file is damaged. It is in "
                    + "nn4j's download cache: delete it (or the whole directory " + cacheDir + ") and let nn4j "
                    + "download it again, which it does whenever downloading is allowed");
        }
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + DAMAGED_STAMP.format(Instant.now()));
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw FileProblems.describe("cannot move the damaged " + file + " (SHA-256 " + found + ", expected "
                    + expected + ") aside; delete it and run again", e);
        }
        LOG.warn("{} in the download cache is damaged (SHA-256 {}, expected {}); moved it to {} and downloading it "
                + "again", file, found, expected, aside.getFileName());
        return false;
    }

    private static Path existingFile(Path dir, MnistFileSpec spec) {
        Path gz = dir.resolve(spec.gzName());
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(spec.rawName());
        return Files.isRegularFile(raw) ? raw : null;
    }
}
