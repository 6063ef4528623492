package io.github.nn4j.backend.jblas;

import io.github.nn4j.api.backend.Availability;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads jblas's native library once per class loader and proves it works with a tiny GEMM in both precisions.
 * On Linux x86-64 the GNU Fortran runtime it links against is loaded first from a Maven dependency
 * ({@link GfortranRuntime}), so no system package is needed.
 *
 * <p>jblas does not throw when its library fails to load: it prints to {@code System.err} and leaves
 * {@code NativeBlas} half-initialised, so the first real product would fail with an {@link UnsatisfiedLinkError}
 * naming only a method. Here the load happens inside a {@link JblasConsoleCapture} (nothing reaches the console;
 * jblas's messages go to this class's logger at DEBUG), the self-test reveals a failure immediately, and
 * {@link JblasLoadFailure} turns jblas's messages into the reason reported. Afterwards jblas's own console logger
 * is switched off for the rest of the run, so the library never prints by itself.
 */
final class JblasNativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(JblasNativeLibrary.class);
    /** A level above jblas's highest ({@code ERROR = 5}): its logger prints nothing. */
    private static final int JBLAS_SILENT = org.jblas.util.Logger.ERROR + 1;

    private static Availability availability;

    private JblasNativeLibrary() {
    }

    /** Whether the native library works here; loads and tests it on the first call. Never throws. */
    static synchronized Availability availability() {
        if (availability == null) {
            availability = load();
        }
        return availability;
    }

    private static Availability load() {
        Throwable failure = null;
        List<String> messages;
        try {
            org.jblas.util.Logger.getLogger().setLevel(org.jblas.util.Logger.DEBUG);
        } catch (Throwable t) { // jblas missing from the classpath: the self-test below reports it
            failure = t;
        }
        try (JblasConsoleCapture capture = JblasConsoleCapture.start()) {
            try {
                if (failure == null) {
                    LOG.debug("GNU Fortran runtime for jblas: {}", GfortranRuntime.load());
                    selfTest();
                }
            } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError, ...
                failure = t;
            } finally {
                messages = capture.messages();
                silenceJblas();
            }
        }
        for (String m : messages) {
            LOG.debug("jblas: {}", m);
        }
        if (failure == null) {
            return Availability.available();
        }
        if (failure instanceof NoClassDefFoundError && String.valueOf(failure.getMessage()).startsWith("org/jblas/")) {
            return Availability.unavailable("the jblas library (Maven org.jblas:jblas:1.2.5) is not on the classpath: "
                    + failure, failure);
        }
        return Availability.unavailable(JblasLoadFailure.explain(messages, failure,
                System.getProperty("java.io.tmpdir")), failure);
    }

    private static void silenceJblas() {
        try {
            org.jblas.util.Logger.getLogger().setLevel(JBLAS_SILENT);
        } catch (Throwable ignored) { // jblas absent: nothing to silence
        }
    }

    /** [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50], and its transpose-flag variants, in float and double. */
    private static void selfTest() {
        float[] a = {1, 2, 3, 4};
        float[] b = {5, 6, 7, 8};
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        RowMajorGemm.sgemm(2, 2, 2, 1f, a, 2, false, b, 2, false, 0f, c);
        expect("sgemm", new double[] {c[0], c[1], c[2], c[3]}, 19, 22, 43, 50);
        float[] at = {1, 3, 2, 4};
        float[] bt = {5, 7, 6, 8};
        RowMajorGemm.sgemm(2, 2, 2, 1f, at, 2, true, bt, 2, true, 0f, c);
        expect("sgemm with both operands transposed", new double[] {c[0], c[1], c[2], c[3]}, 19, 22, 43, 50);
        double[] cd = new double[4];
        RowMajorGemm.dgemm(2, 2, 2, 2.0, new double[] {1, 2, 3, 4}, 2, false, new double[] {5, 6, 7, 8}, 2, false,
                0.0, cd);
        expect("dgemm", cd, 38, 44, 86, 100);
    }

    private static void expect(String what, double[] actual, double... expected) {
        for (int i = 0; i < expected.length; i++) {
            if (actual[i] != expected[i]) {
                throw new IllegalStateException("jblas " + what + " self-test computed " + java.util.Arrays.toString(actual)
                        + ", expected " + java.util.Arrays.toString(expected));
            }
        }
    }
}
