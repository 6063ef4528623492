package io.github.nn4j.backend.jblas;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what jblas printed while failing to load (see {@link JblasConsoleCapture}) and the error that surfaced
 * into one sentence a user can act on: what is missing and how to get it.
 *
 * <p>Recognised causes: a shared library the dynamic linker cannot find (jblas 1.2.5's {@code libjblas.so}
 * needs {@code libgfortran.so.5} but bundles only {@code libgfortran.so.4}; {@link GfortranRuntime} supplies it on
 * Linux x86-64); a temporary directory jblas cannot
 * unpack its library into or that does not allow loading libraries from it; a CPU jblas has no build for.
 * Anything else is reported with jblas's own first error message.
 */
final class JblasLoadFailure {
    /** The dynamic linker's wording for a missing dependency, capturing the library's file name. */
    private static final Pattern MISSING_LIBRARY =
            Pattern.compile("(lib[\\w.+-]+?\\.so(?:\\.\\d+)*): cannot open shared object file");

    /** Debian/Ubuntu packages that provide the libraries jblas's native code links against. */
    private static final Map<String, String> DEBIAN_PACKAGES = Map.of(
            "libgfortran.so.5", "libgfortran5",
            "libquadmath.so.0", "libquadmath0",
            "libgomp.so.1", "libgomp1");

    private JblasLoadFailure() {
    }

    /**
     * The reason the backend is unavailable.
     *
     * @param jblasMessages what jblas printed while loading, without its prefix (may be empty)
     * @param error         the error the self-test ended with (never {@code null})
     * @param tmpdir        the value of {@code java.io.tmpdir}, where jblas unpacks its library
     */
    static String explain(List<String> jblasMessages, Throwable error, String tmpdir) {
        String jblasSaid = firstError(jblasMessages, error);
        String all = String.join("\n", jblasMessages) + "\n" + error;
        Matcher missing = MISSING_LIBRARY.matcher(all);
        if (missing.find()) {
            String library = missing.group(1);
            String pkg = DEBIAN_PACKAGES.get(library);
            String fix = GfortranRuntime.neededHere() && GfortranRuntime.LIBRARIES.contains(library)
                    ? "nn-backend-jblas supplies it from its dependency org.bytedeco:openblas:0.3.19-1.5.7:linux-x86_64, "
                            + "which is missing from the classpath or could not be loaded"
                    : "install the system package that provides it"
                            + (pkg != null ? " (Debian/Ubuntu: " + pkg + ")" : "");
            return library + " not found: jblas's native library libjblas.so needs it; " + fix + ". jblas said: "
                    + jblasSaid;
        }
        if (all.contains("Couldn't create temporary directory") || all.contains("Could not create the temp file")) {
            return "jblas could not unpack its native library into java.io.tmpdir (" + tmpdir + "): point "
                    + "-Djava.io.tmpdir at a writable directory. jblas said: " + jblasSaid;
        }
        if (all.contains("failed to map segment from shared object") || all.contains("operation not permitted")) {
            return "jblas unpacked its native library into java.io.tmpdir (" + tmpdir + ") but the system refused to "
                    + "load it from there (a noexec mount?): point -Djava.io.tmpdir at a directory that allows "
                    + "loading libraries. jblas said: " + jblasSaid;
        }
        if (all.contains("UnsupportedArchitecture") || all.contains("Couldn't find the resource")) {
            return "jblas 1.2.5 has no native library for this platform (" + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + "). jblas said: " + jblasSaid;
        }
        return "jblas's native BLAS failed to load or failed its self-test: " + jblasSaid;
    }

    /** jblas's first ERROR message, else the error itself. */
    private static String firstError(List<String> jblasMessages, Throwable error) {
        for (String m : jblasMessages) {
            if (m.startsWith("ERROR")) {
                return m.substring("ERROR".length()).trim();
            }
        }
        return error.toString();
    }
}
