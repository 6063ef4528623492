package io.github.nn4j.benchmarks.tools;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A tool's options, {@code --name value} pairs and {@code --help}, read with defaults. */
final class Options {
    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code --name value ...}; {@code --help} stands alone. */
    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option --name, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (name.equals("help")) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        return new Options(values);
    }

    /** Whether {@code --help} was given. */
    boolean help() {
        read.add("help");
        return values.containsKey("help");
    }

    String get(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    int getInt(String name, int fallback) {
        String v = get(name, null);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs an integer, got '" + v + "'", e);
        }
    }

    /** Fails naming the options given that the tool did not read (misspelled ones). */
    void requireAllRead() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + unknown);
        }
    }
}
