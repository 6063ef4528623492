package io.github.nn4j.backend.jblas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis of failed jblas loads, fed with the messages jblas 1.2.5 really printed on this project's Debian
 * image (recorded before {@code libgfortran5} was installed, and with an unusable {@code java.io.tmpdir}).
 */
class JblasLoadFailureTest {
    private static final UnsatisfiedLinkError LATER_ERROR = new UnsatisfiedLinkError(
            "'void org.jblas.NativeBlas.sgemm(char, char, int, int, int, float, float[], int, int, float[], int, int, "
                    + "float, float[], int, int)'");

    @Test
    void missingLibgfortranNamesTheDependencyThatSuppliesIt() {
        List<String> printed = List.of(
                "ERROR Couldn't load copied link file: java.lang.UnsatisfiedLinkError: "
                        + "/tmp/jblas4317208125857041120/libjblas.so: libgfortran.so.5: cannot open shared object file: "
                        + "No such file or directory.",
                "INFO Deleting /tmp/jblas4317208125857041120/libgfortran-4.so");
        String reason = JblasLoadFailure.explain(printed, LATER_ERROR, "/tmp");
        assertThat(reason).startsWith("libgfortran.so.5 not found")
                .contains(GfortranRuntime.neededHere() ? "org.bytedeco:openblas:0.3.19-1.5.7:linux-x86_64"
                        : "Debian/Ubuntu: libgfortran5")
                .contains("cannot open shared object file")
                .doesNotContain("apt-get");
    }

    @Test
    void anUnknownMissingLibraryIsNamedWithoutInventingAPackage() {
        List<String> printed = List.of("ERROR Couldn't load copied link file: java.lang.UnsatisfiedLinkError: "
                + "/tmp/x/libjblas.so: libfoo.so.7: cannot open shared object file: No such file or directory.");
        String reason = JblasLoadFailure.explain(printed, LATER_ERROR, "/tmp");
        assertThat(reason).startsWith("libfoo.so.7 not found")
                .contains("install the system package that provides it")
                .doesNotContain("apt-get")
                .doesNotContain("Debian/Ubuntu");
    }

    @Test
    void unusableTempDirectoryNamesIt() {
        List<String> printed = List.of(
                "ERROR Couldn't create temporary directory: No such file or directory",
                "ERROR Could not create the temp file: java.io.FileNotFoundException: null/libquadmath-0.so "
                        + "(No such file or directory).");
        String reason = JblasLoadFailure.explain(printed, LATER_ERROR, "/nonexistent");
        assertThat(reason).contains("java.io.tmpdir (/nonexistent)")
                .contains("Couldn't create temporary directory: No such file or directory");
    }

    @Test
    void withoutMessagesTheErrorItselfIsTheReason() {
        String reason = JblasLoadFailure.explain(List.of(), LATER_ERROR, "/tmp");
        assertThat(reason).contains("self-test").contains("NativeBlas.sgemm");
    }
}
