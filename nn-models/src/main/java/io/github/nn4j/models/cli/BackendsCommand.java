package io.github.nn4j.models.cli;

import io.github.nn4j.api.backend.BackendProvider;
import io.github.nn4j.api.backend.BackendRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nn4j backends}: every backend found on the class path, whether it works here (and why not), its priority,
 * and which one is selected.
 *
 * <p>Each backend is tried the way {@code --backend NAME} uses it: alone, in a JVM of its own with this JVM's
 * class path, options and environment ({@link BackendCheck}). Tried side by side in one JVM, a backend can borrow
 * what another one loaded (a native library of the same name, say) and look available when, used alone, it is
 * not. The JVMs run in parallel; each is given {@value #TIMEOUT_SECONDS} s.
 */
@Command(name = "backends", aliases = "doctor", mixinStandardHelpOptions = true,
        description = {"List the backends found, whether each is available (and why not), its priority, and which is "
                + "selected.", "Each backend is tried alone, in a JVM of its own, as --backend NAME would use it."})
public final class BackendsCommand implements Callable<Integer> {
    static final int TIMEOUT_SECONDS = 120;

    @Spec
    CommandSpec spec;

    /** One backend's outcome. */
    private record Row(String name, int priority, boolean available, String details) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        String requested = BackendRegistry.load(getClass().getClassLoader()).requestedName();
        out.println("Selection: " + (requested == null
                ? "automatic (highest priority available; set -D" + BackendRegistry.PROPERTY + "=NAME or "
                        + BackendRegistry.ENV + "=NAME to choose)"
                : "'" + requested + "' requested by " + BackendRegistry.PROPERTY + "/" + BackendRegistry.ENV));
        out.flush();

        List<Row> rows = check(providers(out));
        rows.sort(Comparator.comparingInt(Row::priority).reversed().thenComparing(Row::name));
        String selected = null;
        if (requested != null) {
            selected = rows.stream().anyMatch(r -> r.name().equals(requested) && r.available()) ? requested : null;
        } else {
            selected = rows.stream().filter(Row::available).map(Row::name).findFirst().orElse(null);
        }
        out.printf("%-3s %-8s %-9s %-11s %s%n", "", "NAME", "PRIORITY", "AVAILABLE", "DETAILS");
        for (Row r : rows) {
            out.printf("%-3s %-8s %-9d %-11s %s%n", r.name().equals(selected) ? "*" : "", r.name(), r.priority(),
                    r.available() ? "yes" : "no", r.details());
        }
        if (selected != null) {
            out.println("* = selected. Each backend was tried alone, in a JVM of its own, as --backend NAME uses it.");
        } else if (requested != null) {
            out.println("No backend is selected: '" + requested + "' was requested but "
                    + (rows.stream().anyMatch(r -> r.name().equals(requested)) ? "is not available here."
                            : "no backend has that name."));
        } else {
            out.println("No backend is selected: none is available. Put a backend jar (e.g. nn-backend-pure) on the "
                    + "class path.");
        }
        out.flush();
        return selected != null ? 0 : Nn4jApp.EXIT_BACKEND_UNAVAILABLE;
    }

    /** The providers on the class path, by name and priority; none is probed here. */
    private List<BackendProvider> providers(PrintWriter out) {
        List<BackendProvider> found = new ArrayList<>();
        var it = ServiceLoader.load(BackendProvider.class, getClass().getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                out.println("A backend provider could not be instantiated: " + e);
            }
        }
        return found;
    }

    /** Runs {@link BackendCheck} for every provider at once and collects the outcomes. */
    private static List<Row> check(List<BackendProvider> providers) throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        try {
            for (BackendProvider p : providers) {
                Path output = Files.createTempFile("nn4j-backend-" + p.name(), ".out");
                outputs.add(output);
                processes.add(childJvm(p.name(), output).start());
            }
            List<Row> rows = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            for (int i = 0; i < providers.size(); i++) {
                BackendProvider p = providers.get(i);
                Process process = processes.get(i);
                boolean done = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!done) {
                    process.destroyForcibly();
                    rows.add(new Row(p.name(), p.priority(), false, "trying it did not finish within "
                            + TIMEOUT_SECONDS + " s"));
                    continue;
                }
                rows.add(row(p, process.exitValue(), Files.readString(outputs.get(i), StandardCharsets.UTF_8)));
            }
            return rows;
        } finally {
            for (Process process : processes) {
                process.destroyForcibly();
            }
            for (Path output : outputs) {
                Files.deleteIfExists(output);
            }
        }
    }

    private static Row row(BackendProvider p, int exit, String output) {
        String status = value(output, "status");
        if ("ok".equals(status) && exit == 0) {
            return new Row(p.name(), p.priority(), true, value(output, "description"));
        }
        String reason = value(output, "reason");
        if (reason == null) {
            String tail = output.strip();
            reason = "the JVM trying it exited with status " + exit + (tail.isEmpty() ? ""
                    : ": " + tail.substring(Math.max(0, tail.length() - 300)).replace('\n', ' '));
        }
        return new Row(p.name(), p.priority(), false, reason);
    }

    private static String value(String output, String key) {
        for (String line : output.split("\\R")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** A JVM like this one (class path, options, environment) that checks backend {@code name}. */
    private static ProcessBuilder childJvm(String name, Path output) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            String lower = arg.toLowerCase(Locale.ROOT);
            // a debugger agent would clash on its port; the selection is the child's own
            if (!lower.startsWith("-agentlib:jdwp") && !lower.startsWith("-xrunjdwp")
                    && !arg.startsWith("-D" + BackendRegistry.PROPERTY + "=")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BackendCheck.class.getName());
        command.add(name);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove(BackendRegistry.ENV);
        pb.redirectErrorStream(true).redirectOutput(output.toFile());
        return pb;
    }
}
