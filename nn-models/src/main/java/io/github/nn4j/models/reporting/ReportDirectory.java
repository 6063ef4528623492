package io.github.nn4j.models.reporting;

import io.github.nn4j.datasets.files.DirectorySync;
import io.github.nn4j.datasets.files.FileProblems;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory a report goes to, replaced as a whole: a reader finds either the previous report or the new one,
 * never a mix, and never a half-written report.
 *
 * <p>{@link #prepare} is meant for before any computation: it checks that the directory can be written (creating
 * and removing a scratch directory beside it), that it holds nothing but a report (of {@code reproduce} or of
 * {@code classify}: their files are replaced alike), and finishes or undoes a
 * replacement a killed run left half done. {@link #replaceWith} then writes the new files into a hidden sibling
 * directory {@code .NAME.new-PID-RANDOM} and swaps it in: the old directory is renamed to
 * {@code .NAME.old-PID-RANDOM}, the new one to {@code NAME}, and the old one is deleted. Between these two renames
 * (microseconds) {@code NAME} does not exist; a run killed right then is repaired by the next {@link #prepare},
 * which promotes the complete new directory. A failure while writing (disk full, an error) deletes the new
 * directory and leaves the previous report untouched; so does a JVM shutdown (SIGINT, SIGTERM) before the swap,
 * through a shutdown hook held from {@code prepare} to {@link #close}, which also reports what happened to a
 * callback (the app prints it).
 */
public final class ReportDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportDirectory.class);

    /** What the new report's files are written by, into the directory given. */
    @FunctionalInterface
    public interface Contents<T> {
        /** Writes the files into {@code dir} (which exists and is empty) and returns what the caller wants back. */
        T writeInto(Path dir) throws IOException;
    }

    private enum State { PREPARED, WRITING, DONE, ABORTED }

    private final Path target;
    private final Path parent;
    private final String name;
    private final String token = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final boolean hadReport;
    private final Consumer<String> onInterruption;
    private final Thread hook;
    private final Object lock = new Object();
    private State state = State.PREPARED;
    private Path staging;

    private ReportDirectory(Path target, boolean hadReport, Consumer<String> onInterruption) {
        this.target = target;
        this.parent = target.getParent();
        this.name = target.getFileName().toString();
        this.hadReport = hadReport;
        this.onInterruption = onInterruption;
        this.hook = new Thread(this::interrupted, "nn4j-report-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Checks that {@code dir} can receive a report, and repairs what an interrupted earlier run left.
     *
     * @param dir            the report directory (need not exist; its parents are created)
     * @param onInterruption told, from a shutdown hook, what a shutdown before the swap left (e.g. "the previous
     *                       report in report/ is unchanged"); may be {@code null}
     * @throws IOException naming the directory and the problem: it is a file, holds files that are not a report's,
     *                     or it or its parent cannot be created or written
     */
    public static ReportDirectory prepare(Path dir, Consumer<String> onInterruption) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(target) && Files.isDirectory(target)) {
            target = target.toRealPath(); // swap the directory the link points to, keep the link
        }
        Path parent = target.getParent();
        if (parent == null) {
            throw new IOException(target + " is a file system root; choose a directory below it");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw problem("cannot create " + parent, e);
        }
        repairInterruptedReplacement(target);
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists) {
            if (!Files.isDirectory(target)) {
                throw new IOException(target + " is a file, not a directory");
            }
            List<String> foreign = foreignEntries(target);
            if (!foreign.isEmpty()) {
                throw new IOException(target + " holds files that are not part of a report (" + String.join(", ",
                        foreign) + "); it is replaced as a whole, so choose a new or empty directory");
            }
            probeWritable(target, "cannot write in " + target);
        }
        probeWritable(parent, "cannot write in " + parent);
        return new ReportDirectory(target, exists && !isEmpty(target), onInterruption);
    }

    /** The report directory (absolute). */
    public Path path() {
        return target;
    }

    /** Writes the report with {@link ReportWriter} and swaps it in; the charts use {@link ChartFonts}. */
    public ReportWriter.Written write(ReproductionReport report) throws IOException {
        ChartFonts.Status fonts = ChartFonts.prepare();
        return replaceWith(dir -> ReportWriter.writeFiles(report, dir, fonts)).withDirectory(target);
    }

    /** Writes {@code ./nn4j classify}'s report with {@link ClassifierReportWriter} and swaps it in. */
    public ReportWriter.Written write(ClassifierReport report) throws IOException {
        ChartFonts.Status fonts = ChartFonts.prepare();
        return replaceWith(dir -> ClassifierReportWriter.writeFiles(report, dir, fonts)).withDirectory(target);
    }

    /**
     * Writes the new contents beside the directory and swaps them in.
     *
     * @throws IOException if writing or the swap fails; the message says that the previous report is unchanged (or
     *                     that there was none), and so it is
     */
    public <T> T replaceWith(Contents<T> contents) throws IOException {
        Path stage = parent.resolve("." + name + ".new-" + token);
        synchronized (lock) {
            if (state != State.PREPARED) {
                throw new IllegalStateException("the report directory was already " + state.name().toLowerCase());
            }
            Files.createDirectory(stage);
            staging = stage;
            state = State.WRITING;
        }
        T result;
        try {
            result = contents.writeInto(stage);
        } catch (IOException | RuntimeException | Error e) {
            synchronized (lock) {
                deleteTree(stage);
                if (state == State.WRITING) {
                    state = State.ABORTED;
                }
            }
            if (e instanceof IOException io) {
                throw new IOException("could not write the report (" + io.getMessage() + "); " + unchanged(), io);
            }
            throw e;
        }
        synchronized (lock) {
            if (state == State.ABORTED) {
                throw new InterruptedIOException("the JVM is shutting down; " + unchanged());
            }
            swap(stage);
            staging = null;
            state = State.DONE;
        }
        return result;
    }

    private void swap(Path stage) throws IOException {
        DirectorySync.force(stage);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(stage, target, "the new report could not be moved into place");
        } else {
            Path old = parent.resolve("." + name + ".old-" + token);
            move(target, old, "the previous report could not be moved aside");
            try {
                Files.move(stage, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the previous report back
                deleteTree(stage);
                throw new IOException("could not write the report: the new report could not be moved into place ("
                        + e + "); " + unchanged(), e);
            }
            deleteTree(old);
        }
        DirectorySync.force(parent);
    }

    private void move(Path from, Path to, String what) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteTree(staging);
            throw new IOException("could not write the report: " + what + " (" + e + "); " + unchanged(), e);
        }
    }

    /** What a failed or interrupted write leaves, in words. */
    private String unchanged() {
        return hadReport ? "the previous report in " + target + " is unchanged"
                : "no report was written to " + target;
    }

    /**
     * From the shutdown hook: stops a replacement that has not swapped yet, deletes its files and tells the
     * callback what is left.
     */
    private void interrupted() {
        String message;
        synchronized (lock) {
            switch (state) {
                case PREPARED, WRITING -> {
                    if (staging != null) {
                        deleteTree(staging);
                    }
                    state = State.ABORTED;
                    message = "interrupted before the report was complete; " + unchanged();
                }
                default -> message = null;
            }
        }
        if (message != null && onInterruption != null) {
            onInterruption.accept(message);
        }
    }

    /** Removes the shutdown hook, and the new files if they were never swapped in. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            return; // the JVM is shutting down: the hook does the rest
        }
        synchronized (lock) {
            if (staging != null) {
                deleteTree(staging);
                staging = null;
            }
        }
    }

    // ------------------------------------------------------------------------------------------- preparation

    /** {@code .NAME.new-PID-X} / {@code .NAME.old-PID-X}: the directories of a replacement by process PID. */
    private static Pattern siblingPattern(String name) {
        return Pattern.compile(Pattern.quote("." + name + ".") + "(new|old)-(\\d+)-([0-9a-f]+)");
    }

    /**
     * Finishes or undoes what a killed run left: with {@code NAME} gone and {@code .NAME.old-T} present, the run was
     * killed between the two renames, so its {@code .NAME.new-T} is complete and is promoted (else the old report is
     * restored); leftovers of dead runs are deleted. Directories of live processes are left alone.
     */
    private static void repairInterruptedReplacement(Path target) throws IOException {
        Path parent = target.getParent();
        Pattern pattern = siblingPattern(target.getFileName().toString());
        List<Path> dead = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + target.getFileName() + ".*")) {
            for (Path p : siblings) {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (m.matches() && !ProcessHandle.of(Long.parseLong(m.group(2))).map(ProcessHandle::isAlive)
                        .orElse(false)) {
                    dead.add(p);
                }
            }
        } catch (IOException e) {
            throw problem("cannot read " + parent, e);
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            for (Path p : dead) {
                Matcher m = pattern.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals("old")) {
                    Path complete = p.resolveSibling("." + target.getFileName() + ".new-" + m.group(2) + "-"
                            + m.group(3));
                    Path keep = Files.isDirectory(complete) ? complete : p;
                    Files.move(keep, target, StandardCopyOption.ATOMIC_MOVE);
                    LOG.warn("{} was missing: a run was interrupted while replacing it; restored the {} report",
                            target, keep == complete ? "new (complete)" : "previous");
                    break;
                }
            }
        }
        for (Path p : dead) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(p);
                LOG.info("Removed {}, left by an interrupted run", p);
            }
        }
    }

    private static List<String> foreignEntries(Path dir) throws IOException {
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> {
                String n = p.getFileName().toString();
                boolean reportFile = ReportWriter.FILES.contains(n) || ClassifierReportWriter.FILES.contains(n);
                if (!reportFile || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    foreign.add(Files.isDirectory(p) ? n + "/" : n);
                }
            });
        } catch (IOException e) {
            throw problem("cannot read " + dir, e);
        }
        foreign.sort(null);
        return foreign.size() > 5 ? List.of(String.join(", ", foreign.subList(0, 5)), "...") : foreign;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Creates and removes a scratch directory in {@code dir}, the surest test that it can be written. */
    private static void probeWritable(Path dir, String what) throws IOException {
        Path probe = dir.resolve(".nn4j-write-test-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        try {
            Files.createDirectory(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw problem(what, e);
        }
    }

    private static IOException problem(String what, IOException e) {
        return FileProblems.describe(what, e);
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", root, e.toString());
        }
    }
}
