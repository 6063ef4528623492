package io.github.nn4j.models.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs a class's {@code main} in a fresh JVM whose class path is this test JVM's, minus chosen entries: the way to
 * put exactly the wanted backend jars on a class path inside a Maven build (where the test class path holds all
 * three backend modules, as {@code target/classes} directories or jars), and to test what only a whole process
 * shows (start-up, native libraries, signals, a machine without some system files).
 */
public final class ChildJvm {
    /** The three backend modules, by the directory or jar name that identifies their class path entry. */
    public enum Module {
        PURE("nn-backend-pure"), JBLAS("nn-backend-jblas"), ND4J("nn-backend-nd4j");

        final String marker;

        Module(String marker) {
            this.marker = marker;
        }

        /** Whether the class path entry belongs to this module. */
        public boolean owns(String classPathEntry) {
            return classPathEntry.contains(marker);
        }
    }

    /** What the child printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** The value of the first stdout line {@code key=value}, or {@code null}. */
        public String value(String key) {
            for (String line : stdout.split("\\R")) {
                if (line.startsWith(key + "=")) {
                    return line.substring(key.length() + 1);
                }
            }
            return null;
        }

        /** The {@code backend=} lines, by backend name, each split into its five fields. */
        public Map<String, String[]> backends() {
            Map<String, String[]> out = new LinkedHashMap<>();
            for (String line : stdout.split("\\R")) {
                if (line.startsWith("backend=")) {
                    String[] f = line.substring("backend=".length()).split("\\|", 5);
                    out.put(f[0], f);
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private static final long TIMEOUT_SECONDS = 120;

    private final Set<Module> modules;
    private final Predicate<String> alsoDrop;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> prefix = new ArrayList<>();
    private final List<String> extraClassPath = new ArrayList<>();
    private Path workingDirectory;

    private ChildJvm(Set<Module> modules, Predicate<String> alsoDrop) {
        this.modules = modules;
        this.alsoDrop = alsoDrop;
    }

    /** A child whose class path has exactly these backend modules. */
    public static ChildJvm with(Module... modules) {
        return new ChildJvm(Set.of(modules), entry -> false);
    }

    /** A child with this JVM's whole class path. */
    public static ChildJvm withAllBackends() {
        return with(Module.values());
    }

    /** Also removes the class path entries matching {@code drop} (e.g. a native library jar). */
    public ChildJvm without(Predicate<String> drop) {
        ChildJvm c = new ChildJvm(modules, alsoDrop.or(drop));
        c.jvmOptions.addAll(jvmOptions);
        c.environment.putAll(environment);
        c.prefix.addAll(prefix);
        c.extraClassPath.addAll(extraClassPath);
        c.workingDirectory = workingDirectory;
        return c;
    }

    /** Adds a JVM option such as {@code -Dnn4j.backend=jblas}. */
    public ChildJvm option(String jvmOption) {
        jvmOptions.add(jvmOption);
        return this;
    }

    /** Sets an environment variable of the child. */
    public ChildJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Starts the JVM through this command, which must end by running its arguments, e.g.
     * {@code unshare -m sh -c 'mount ... && exec "$@"' sh}.
     */
    public ChildJvm through(String... command) {
        prefix.addAll(List.of(command));
        return this;
    }

    /** Appends a directory or jar to the class path. */
    public ChildJvm classPathEntry(Path entry) {
        extraClassPath.add(entry.toString());
        return this;
    }

    /** Runs the child in {@code dir} (by default, this JVM's working directory). */
    public ChildJvm workingDirectory(Path dir) {
        workingDirectory = dir;
        return this;
    }

    /**
     * Whether {@code command} runs and exits with status 0 within 10 s, e.g. {@code unshare -m true} to learn whether
     * this machine allows private mount namespaces.
     */
    public static boolean succeeds(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false; // not installed
        }
    }

    /** The test JVM's class path (Surefire exposes it even when it starts the JVM through a manifest-only jar). */
    public static List<String> testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).collect(Collectors.toList());
    }

    /** The child's class path. */
    public String classPath() {
        List<String> kept = new ArrayList<>();
        for (String entry : testClassPath()) {
            boolean unwantedBackend = false;
            for (Module m : Module.values()) {
                if (m.owns(entry) && !modules.contains(m)) {
                    unwantedBackend = true;
                }
            }
            if (!unwantedBackend && !alsoDrop.test(entry)) {
                kept.add(entry);
            }
        }
        kept.addAll(extraClassPath);
        return String.join(File.pathSeparator, kept);
    }

    /** Runs {@code mainClass} with {@code args} and waits for it. */
    public Result run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("nn4j-child", ".out");
        Path err = Files.createTempFile("nn4j-child", ".err");
        try {
            Process p = start(mainClass, out, err, args);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("child JVM did not finish within " + TIMEOUT_SECONDS + " s: "
                        + p.info().commandLine().orElse(mainClass.getName()));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Starts {@code mainClass} with {@code args}, its output going to the two files; the caller ends it. */
    public Process start(Class<?> mainClass, Path stdout, Path stderr, String... args) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(prefix);
        command.add(java.toString());
        // the registry's decisions at INFO whatever the test resources configure; ND4J's start-up quiet
        command.add("-Dorg.slf4j.simpleLogger.log.io.github.nn4j=info");
        command.add("-Dorg.slf4j.simpleLogger.log.org.nd4j=warn");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("NN4J_BACKEND"); // the test decides, not the environment of the build
        pb.environment().putAll(environment);
        if (workingDirectory != null) {
            pb.directory(workingDirectory.toFile());
        }
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        return pb.start();
    }
}
