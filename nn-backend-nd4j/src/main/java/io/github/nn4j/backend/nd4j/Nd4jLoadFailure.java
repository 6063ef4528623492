package io.github.nn4j.backend.nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an exception from ND4J's start-up into one sentence a user can act on. ND4J wraps the real cause (a
 * missing native library, an unwritable cache directory) several levels deep; the reason names the outermost
 * and innermost messages and what to put on the classpath.
 */
final class Nd4jLoadFailure {
    private Nd4jLoadFailure() {
    }

    /** The reason the backend is unavailable, given what ND4J threw and the JavaCPP platform name of this machine. */
    static String explain(Throwable error, String platform) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable root = chain.get(chain.size() - 1);
        String all = chain.toString();
        String nativeJar = "org.nd4j:nd4j-native:1.0.0-M2.1 with classifier " + platform;
        if (error instanceof NoClassDefFoundError && String.valueOf(error.getMessage()).startsWith("org/nd4j/")) {
            return "ND4J is not on the classpath (" + error.getMessage() + "): add " + nativeJar
                    + " (CPU) or an nd4j-cuda artifact (GPU)";
        }
        if (all.contains("NoAvailableBackendException") || all.contains("jnind4j")
                || root instanceof UnsatisfiedLinkError) {
            return "ND4J's native library did not load: " + describe(root) + ". On this platform (" + platform
                    + ") it comes from " + nativeJar + " (build with -Djavacpp.platform=" + platform + ")"
                    + (error != root && error.getMessage() != null ? "; ND4J said: " + describe(error) : "");
        }
        return "ND4J failed to start: " + describe(error) + (error != root ? "; cause: " + describe(root) : "");
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        String text = m.strip().replaceAll("\\s+", " ");
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return t.getClass().getSimpleName() + ": " + text;
    }
}
