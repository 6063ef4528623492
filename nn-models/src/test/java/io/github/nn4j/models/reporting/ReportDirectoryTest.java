package io.github.nn4j.models.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nn4j.models.testsupport.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report directory is replaced whole or not at all, and checked before any work. */
class ReportDirectoryTest {
    @TempDir
    Path root;

    /** A stand-in for a complete report: every file of one, each holding {@code text}. */
    private static Void report(Path dir, String text) throws IOException {
        for (String name : ReportWriter.FILES) {
            Files.writeString(dir.resolve(name), text + " " + name);
        }
        return null;
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return out;
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path oldReport() throws IOException {
        Path out = Files.createDirectories(root.resolve("report"));
        report(out, "old");
        return out;
    }

    @Test
    void aNewReportReplacesTheOldOneWholeAndLeavesNothingBeside() throws IOException {
        Path out = oldReport();

        try (ReportDirectory dir = ReportDirectory.prepare(out, null)) {
            dir.replaceWith(d -> report(d, "new"));
        }

        assertThat(contents(out)).hasSize(ReportWriter.FILES.size()).allSatisfy((n, text) -> assertThat(text)
                .isEqualTo("new " + n));
        assertThat(entries()).containsExactly("report");
    }

    @Test
    void aFailureWhileWritingLeavesThePreviousReportIntactAndSaysSo() throws IOException {
        Path out = oldReport();
        Map<String, String> before = contents(out);

        try (ReportDirectory dir = ReportDirectory.prepare(out, null)) {
            assertThatThrownBy(() -> dir.replaceWith(d -> {
                Files.writeString(d.resolve(ReportWriter.LOSS_AE), "new");
                throw new IOException("No space left on device"); // as a full disk fails the second file
            })).hasMessage("could not write the report (No space left on device); the previous report in " + out
                    + " is unchanged");
        }

        assertThat(contents(out)).isEqualTo(before);
        assertThat(entries()).containsExactly("report");
    }

    @Test
    void aFailedFirstWriteLeavesNoDirectory() throws IOException {
        Path out = root.resolve("fresh");

        try (ReportDirectory dir = ReportDirectory.prepare(out, null)) {
            assertThatThrownBy(() -> dir.replaceWith(d -> {
                throw new IOException("simulated");
            })).hasMessageEndingWith("no report was written to " + out);
        }

        assertThat(entries()).isEmpty();
    }

    @Test
    void unusableDirectoriesAreRefusedBeforeAnyWorkNamingTheProblem() throws IOException {
        Path file = Files.writeString(root.resolve("a-file"), "x");
        assertThatThrownBy(() -> ReportDirectory.prepare(file, null)).hasMessage(file + " is a file, not a directory");

        assertThatThrownBy(() -> ReportDirectory.prepare(file.resolve("below"), null))
                .hasMessageStartingWith("cannot create " + file + ": ");

        Path mixed = Files.createDirectories(root.resolve("mixed"));
        Files.writeString(mixed.resolve(ReportWriter.REPORT), "x");
        Files.writeString(mixed.resolve("notes.txt"), "mine");
        Files.createDirectories(mixed.resolve("photos"));
        assertThatThrownBy(() -> ReportDirectory.prepare(mixed, null)).hasMessage(mixed + " holds files that are not "
                + "part of a report (notes.txt, photos/); it is replaced as a whole, so choose a new or empty directory");

        if (Files.isDirectory(Path.of("/proc/self"))) {
            assertThatThrownBy(() -> ReportDirectory.prepare(Path.of("/proc/nn4j-report"), null))
                    .hasMessageStartingWith("cannot write in /proc: ");
        }
        assertThat(Files.exists(root.resolve("a-file"))).isTrue();
    }

    @Test
    void aRunKilledBetweenTheTwoRenamesIsRepairedByTheNext() throws IOException {
        long dead = deadPid();
        // killed after moving the old report aside: the new one is complete and wins
        Path out = root.resolve("report");
        report(Files.createDirectories(root.resolve(".report.old-" + dead + "-ab12")), "old");
        report(Files.createDirectories(root.resolve(".report.new-" + dead + "-ab12")), "new");
        // killed while writing, with no swap begun: its files are deleted
        Files.createDirectories(root.resolve(".other.new-" + dead + "-cd34"));
        report(Files.createDirectories(root.resolve("other")), "other");
        // a live run's directory is left alone
        Path live = Files.createDirectories(root.resolve(".other.new-" + ProcessHandle.current().pid() + "-ef56"));

        ReportDirectory.prepare(out, null).close();
        ReportDirectory.prepare(root.resolve("other"), null).close();

        assertThat(contents(out)).allSatisfy((n, text) -> assertThat(text).isEqualTo("new " + n));
        assertThat(entries()).containsExactly(".other.new-" + ProcessHandle.current().pid() + "-ef56", "other",
                "report");
        assertThat(live).exists();
    }

    @Test
    void aRunKilledAfterTheFirstRenameWithoutANewReportRestoresTheOld() throws IOException {
        long dead = deadPid();
        report(Files.createDirectories(root.resolve(".report.old-" + dead + "-ab12")), "old");

        ReportDirectory.prepare(root.resolve("report"), null).close();

        assertThat(contents(root.resolve("report"))).allSatisfy((n, text) -> assertThat(text).isEqualTo("old " + n));
        assertThat(entries()).containsExactly("report");
    }

    @Test
    void sigtermWhileWritingLeavesThePreviousReportIntactAndSaysSo() throws Exception {
        Path out = oldReport();
        Map<String, String> before = contents(out);
        Path stdout = root.resolve("child.out");
        Path stderr = root.resolve("child.err");

        Process child = ChildJvm.withAllBackends().start(SlowReportProbe.class, stdout, stderr, out.toString());
        try {
            long until = System.nanoTime() + 60_000_000_000L;
            while (!Files.readString(stdout).contains("half written")) {
                assertThat(child.isAlive()).as("the child writes: %s", Files.readString(stderr)).isTrue();
                assertThat(System.nanoTime()).as("the child gets half way").isLessThan(until);
                Thread.sleep(20);
            }
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(child.exitValue()).isEqualTo(143);
        assertThat(Files.readString(stderr)).contains("interrupted before the report was complete; the previous "
                + "report in " + out + " is unchanged");
        assertThat(contents(out)).isEqualTo(before);
        assertThat(entries()).containsExactly("child.err", "child.out", "report");
    }

    private static long deadPid() {
        long pid = ProcessHandle.current().pid();
        while (ProcessHandle.of(++pid).isPresent()) {
            // find a process id that no process has
        }
        return pid;
    }
}
