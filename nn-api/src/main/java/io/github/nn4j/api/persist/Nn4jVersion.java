package io.github.nn4j.api.persist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of nn4j that is running, from the resource Maven fills in at build time (so it cannot go stale). */
final class Nn4jVersion {
    private static final String VERSION = load();

    private Nn4jVersion() {
    }

    /** For example {@code 0.1.0-SNAPSHOT}; {@code unknown} when the classes were built without Maven's filtering. */
    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Nn4jVersion.class.getResourceAsStream("nn4j.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nn4j's version resource", e);
        }
    }
}
