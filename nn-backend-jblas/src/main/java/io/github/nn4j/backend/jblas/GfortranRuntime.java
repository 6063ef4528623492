package io.github.nn4j.backend.jblas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Supplies the GNU Fortran runtime that jblas's Linux x86-64 library ({@code libjblas.so}) links against, so that
 * the backend works without the system package {@code libgfortran5}.
 *
 * <p>jblas 1.2.5 bundles {@code libgfortran.so.4} but its library needs {@code libgfortran.so.5}. The JavaCPP
 * OpenBLAS artifact {@code org.bytedeco:openblas:0.3.19-1.5.7:linux-x86_64} (a dependency of this module, from
 * Maven Central) carries {@code libgfortran.so.5} and its own dependencies {@code libquadmath.so.0} and
 * {@code libgcc_s.so.1}. They are copied to a private temporary directory and loaded with {@link System#load}
 * before jblas loads its library; the dynamic linker then satisfies {@code libjblas.so}'s dependency on the soname
 * {@code libgfortran.so.5} with the copy already in the process. A library whose file name is already mapped into
 * the process (the system's {@code libgcc_s.so.1}, or ND4J's copy of the runtime when ND4J loaded first) is not
 * loaded twice.
 *
 * <p>On any other platform nothing is done and jblas's own loading decides. The cost is a copy of about 2.9 MB and
 * three library loads, once per class loader.
 */
final class GfortranRuntime {
    /** Where the JavaCPP OpenBLAS jar keeps its Linux x86-64 libraries. */
    static final String RESOURCE_DIRECTORY = "org/bytedeco/openblas/linux-x86_64/";
    /** The runtime's libraries, each after the ones it depends on. */
    static final List<String> LIBRARIES = List.of("libgcc_s.so.1", "libquadmath.so.0", "libgfortran.so.5");

    private static String outcome;

    private GfortranRuntime() {
    }

    /** Whether jblas's library on this platform needs the runtime supplied here. */
    static boolean neededHere() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /**
     * Loads the runtime on Linux x86-64 (once); returns one line saying what was done, for the log. Throws
     * {@link IllegalStateException} naming the library and the reason when a library is missing from the classpath
     * or fails to load.
     */
    static synchronized String load() {
        if (outcome == null) {
            outcome = neededHere() ? loadBundled() : "not needed on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch");
        }
        return outcome;
    }

    private static String loadBundled() {
        Set<String> mapped = mappedLibraryNames();
        Path directory = null;
        StringBuilder done = new StringBuilder();
        for (String library : LIBRARIES) {
            if (mapped.contains(library)) {
                done.append(done.length() == 0 ? "" : ", ").append(library).append(" already loaded");
                continue;
            }
            String resource = RESOURCE_DIRECTORY + library;
            try (InputStream in = GfortranRuntime.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(library + " is not on the classpath (expected " + resource
                            + " from Maven org.bytedeco:openblas:0.3.19-1.5.7:linux-x86_64, a dependency of "
                            + "nn-backend-jblas)");
                }
                if (directory == null) {
                    directory = Files.createTempDirectory("nn4j-gfortran-");
                    directory.toFile().deleteOnExit();
                }
                Path file = directory.resolve(library);
                Files.copy(in, file);
                file.toFile().deleteOnExit();
                System.load(file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("could not copy " + library + " into "
                        + (directory != null ? directory : "a temporary directory under java.io.tmpdir ("
                        + System.getProperty("java.io.tmpdir") + ")") + ": " + e.getMessage(), e);
            } catch (UnsatisfiedLinkError e) {
                throw new IllegalStateException("could not load the bundled " + library + ": " + e.getMessage(), e);
            }
            done.append(done.length() == 0 ? "" : ", ").append(library).append(" loaded from ").append(directory);
        }
        return done.toString();
    }

    /** File names of the shared libraries mapped into this process (empty when {@code /proc} is unreadable). */
    private static Set<String> mappedLibraryNames() {
        Set<String> names = new HashSet<>();
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            lines.forEach(line -> {
                int slash = line.lastIndexOf('/');
                if (slash >= 0) {
                    names.add(line.substring(slash + 1).trim());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // no /proc: load every library; a duplicate of a system library is harmless
        }
        return names;
    }
}
