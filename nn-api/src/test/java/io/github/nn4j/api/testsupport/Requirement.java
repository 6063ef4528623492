package io.github.nn4j.api.testsupport;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * A precondition that some tests need and some machines lack: a native backend that loads, the real MNIST files.
 *
 * <p>By default a test whose precondition does not hold is skipped with the reason, so that {@code mvn -B verify}
 * passes on any machine. A run that must prove the precondition holds (CI on Linux x86-64, where every backend
 * should load and the data is provided) lists it in the system property {@value #PROPERTY}, comma-separated
 * ({@code native,mnist}, or {@code all}); there a missing precondition fails the test instead of skipping it.
 * Maven passes {@code -Dnn4j.test.require=...} given on its command line to the test JVMs.
 */
public enum Requirement {
    /** The native backends (jblas, nd4j) load on this machine. */
    NATIVE("native"),
    /** The real MNIST files are found. */
    MNIST("mnist");

    /** The system property that lists the requirements a run enforces. */
    public static final String PROPERTY = "nn4j.test.require";

    private final String key;

    Requirement(String key) {
        this.key = key;
    }

    /** The name used in {@value #PROPERTY}. */
    public String key() {
        return key;
    }

    /** Whether this run fails, rather than skips, the tests whose precondition is missing. */
    public boolean enforced() {
        Set<String> listed = Arrays.stream(System.getProperty(PROPERTY, "").split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        return listed.contains(key) || listed.contains("all");
    }

    /**
     * Returns when {@code met}; otherwise skips the calling test with {@code reason}, or fails it when this
     * requirement is {@linkplain #enforced() enforced}.
     */
    public void check(boolean met, String reason) {
        if (met) {
            return;
        }
        if (enforced()) {
            throw new AssertionError("required by -D" + PROPERTY + "=" + System.getProperty(PROPERTY) + " but "
                    + reason);
        }
        throw new TestAbortedException(reason + " (skipped; -D" + PROPERTY + "=" + key
                + " makes this a failure)");
    }
}
