package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendProvider;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Registers the jblas backend ({@value #NAME}) with {@link io.github.nn4j.api.backend.Backends}.
 *
 * <p>It is available when jblas's native library loads and passes a tiny GEMM self-test (see
 * {@link JblasNativeLibrary}). jblas 1.2.5 links against {@code libgfortran.so.5}: on linux-x86_64 it is loaded
 * from Maven Central first ({@code GfortranRuntime}); on other platforms it must be installed, and when it is
 * missing the probe says exactly that.
 */
public final class JblasBackendProvider implements BackendProvider {
    /** Selection name. */
    public static final String NAME = "jblas";
    /** Rank among available backends (highest wins when none is named); why this rank: the README's priority table. */
    public static final int PRIORITY = 200;

    /** Public no-argument constructor for {@link java.util.ServiceLoader}; does no work. */
    public JblasBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability probe() {
        try {
            return JblasNativeLibrary.availability();
        } catch (Throwable t) { // never throw from a probe
            return Availability.unavailable("jblas probe failed: " + t, t);
        }
    }

    @Override
    public Backend create() {
        probe().requireAvailable(NAME);
        return new JblasBackend(describe());
    }

    private static String describe() {
        String coreType = System.getenv("OPENBLAS_CORETYPE");
        return "jblas " + jblasVersion() + ": GEMM in its bundled native OpenBLAS (single-threaded, CPU kernels "
                + (coreType == null || coreType.isBlank() ? "auto-detected; set OPENBLAS_CORETYPE to choose"
                        : "OPENBLAS_CORETYPE=" + coreType)
                + "), element-wise in Java on heap arrays";
    }

    /** jblas's Maven version (its {@code org.jblas.Info.VERSION} says 1.2.4 in the 1.2.5 jar). */
    private static String jblasVersion() {
        try (InputStream in = org.jblas.NativeBlas.class.getResourceAsStream(
                "/META-INF/maven/org.jblas/jblas/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "(unknown version)");
            }
        } catch (IOException e) {
            // fall through
        }
        return "(unknown version)";
    }
}
