package io.github.nn4j.models.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.nn4j.datasets.testsupport.SyntheticDigits;
import io.github.nn4j.models.testsupport.ChildJvm.Result;
import io.github.nn4j.models.testsupport.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and directories the user may not read or write are reported as such ("permission denied"), not as missing
 * data or by a bare path. The app runs in a child JVM; as root, whom permissions do not stop, it runs in a user
 * namespace of its own ({@code unshare -U}), where they do. Needs a POSIX file system; as root also {@code unshare}.
 */
class PermissionMessagesTest {
    @TempDir
    Path root;

    private static String[] prefix;
    private Path locked;

    @BeforeAll
    static void aUserWhomPermissionsStop() throws Exception {
        Path probe = Files.createTempFile("nn4j-uid", "");
        int uid;
        try {
            uid = (Integer) Files.getAttribute(probe, "unix:uid");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            assumeTrue(false, "no POSIX file permissions here");
            return;
        } finally {
            Files.delete(probe);
        }
        if (uid != 0) {
            prefix = new String[0];
            return;
        }
        assumeTrue(ChildJvm.succeeds("unshare", "-U", "true"),
                "running as root, and unshare -U is missing or fails: permissions cannot be tested");
        prefix = new String[] {"unshare", "-U"};
    }

    @BeforeEach
    void lockedDirectory() throws IOException {
        locked = Files.createDirectories(root.resolve("locked"));
    }

    @AfterEach
    void unlock() throws IOException {
        for (Path p : new Path[] {locked, root.resolve("data/train-labels-idx1-ubyte")}) {
            if (Files.exists(p)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private static void lock(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
    }

    private Result app(ChildJvm jvm, String... args) throws Exception {
        return app(jvm, root.resolve("cache"), args);
    }

    /** The app in a child JVM with the user cache in {@code cache}, run where no ../shared/data/mnist is. */
    private Result app(ChildJvm jvm, Path cache, String... args) throws Exception {
        Path work = Files.createDirectories(root.resolve("work/main"));
        return jvm.through(prefix).workingDirectory(work).env("XDG_CACHE_HOME", cache.toString())
                .run(Nn4jApp.class, args);
    }

    @Test
    void anUnreadableDataOptionIsAnOptionError() throws Exception {
        lock(locked);

        Result r = app(ChildJvm.withAllBackends(), "reproduce", "--offline", "--backend", "pure", "--data",
                locked.toString(), "--out", root.resolve("report").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Invalid value for option '--data': " + locked + " (cannot be read: "
                + "permission denied)");
    }

    @Test
    void anUnreadableDirectoryOnTheSearchPathIsNamedAsSuch() throws Exception {
        lock(locked);

        Result r = app(ChildJvm.withAllBackends().env("NN4J_DATA", locked.toString()), "reproduce", "--offline",
                "--backend", "pure", "--out", root.resolve("report").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ReproduceCommand.EXIT_DATA);
        assertThat(r.stderr()).contains("1. " + locked + " (NN4J_DATA): cannot be read: permission denied\n");
    }

    @Test
    void anUnreadableDataFileIsNamedWithTheReason() throws Exception {
        Path data = SyntheticDigits.write(root.resolve("data"), 150, 10, true);
        lock(data.resolve("train-labels-idx1-ubyte"));

        Result r = app(ChildJvm.withAllBackends(), "reproduce", "--offline", "--backend", "pure", "--data",
                data.toString(), "--out", root.resolve("report").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ReproduceCommand.EXIT_DATA);
        assertThat(r.stderr()).contains("error: cannot read " + data.resolve("train-labels-idx1-ubyte")
                + ": permission denied");
    }

    @Test
    void anUnwritableDownloadDirectoryIsNamedWithTheReason() throws Exception {
        lock(locked);
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        Result r = app(ChildJvm.withAllBackends(), locked, "reproduce", "--backend", "pure", "--mirror",
                "http://127.0.0.1:" + port + "/", "--out", root.resolve("report").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ReproduceCommand.EXIT_DATA);
        assertThat(r.stderr()).contains("failed: cannot create the download directory "
                + locked.resolve("nn4j/mnist") + ": permission denied");
    }

    @Test
    void anUnwritableOutIsAnOptionError() throws Exception {
        lock(locked);

        Result r = app(ChildJvm.withAllBackends(), "reproduce", "--offline", "--backend", "pure", "--out",
                locked.resolve("report").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Invalid value for option '--out': " + locked.resolve("report")
                + " (cannot ");
        assertThat(r.stderr()).contains(": permission denied)");
    }
}
