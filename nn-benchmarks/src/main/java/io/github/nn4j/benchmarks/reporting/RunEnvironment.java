package io.github.nn4j.benchmarks.reporting;

import io.github.nn4j.api.backend.BackendStatus;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.benchmarks.ForkSettings;
import io.github.nn4j.benchmarks.training.TrainingImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * The facts a reader needs to judge a benchmark run: when, what command, which machine, how loaded, which
 * backends could run (and why not), and which data the autoencoder trained on.
 *
 * @param startedAt      start time, UTC, ISO-8601
 * @param command        the command that produced the run
 * @param cpu            CPU model
 * @param cores          logical CPUs available to the JVM
 * @param memory         total memory
 * @param os             operating system and kernel
 * @param java           Java runtime
 * @param forkJvmArgs    JVM options of the benchmark forks
 * @param threadEnv      thread-related environment variables, as the forks inherit them
 * @param loadBefore     1-, 5- and 15-minute load averages before the run
 * @param loadAfter      the same after the run
 * @param backends       every {@code backend} parameter value the benchmarks know, with availability
 * @param data           what the autoencoder benchmarks train on
 */
public record RunEnvironment(String startedAt, String command, String cpu, int cores, String memory, String os,
                             String java, List<String> forkJvmArgs, Map<String, String> threadEnv,
                             String loadBefore, String loadAfter, List<BackendInfo> backends, String data) {

    private static final List<String> THREAD_VARIABLES = List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
            "MKL_NUM_THREADS");

    /** Copies the collections. */
    public RunEnvironment {
        forkJvmArgs = List.copyOf(forkJvmArgs);
        threadEnv = Map.copyOf(threadEnv);
        backends = List.copyOf(backends);
    }

    /**
     * Captures everything but {@link #loadAfter}: probes every nn4j backend on the class path and DL4J (which
     * loads their native libraries into this JVM) and locates MNIST.
     */
    public static RunEnvironment capture(String command) {
        String started = ZonedDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String load = loadAverage();
        Map<String, String> env = new LinkedHashMap<>();
        for (String v : THREAD_VARIABLES) {
            String value = System.getenv(v);
            env.put(v, value == null ? "unset" : value.isBlank() ? "empty (library default)" : value);
        }
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return new RunEnvironment(started, command, cpuModel(), Runtime.getRuntime().availableProcessors(),
                totalMemory(), os, java, List.of(ForkSettings.VECTOR_MODULE, ForkSettings.TRAP_LIMIT, ForkSettings.THREAD_STACK), env, load,
                "", backendInventory(), TrainingImages.describeSource());
    }

    /** This environment with the load average after the run. */
    public RunEnvironment withLoadAfter(String load) {
        return new RunEnvironment(startedAt, command, cpu, cores, memory, os, java, forkJvmArgs, threadEnv,
                loadBefore, load, backends, data);
    }

    /** The backend called {@code name}, if known. */
    public Optional<BackendInfo> backend(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The 1-, 5- and 15-minute load averages from {@code /proc/loadavg}, or "unknown". */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static List<BackendInfo> backendInventory() {
        List<BackendInfo> out = new ArrayList<>();
        for (BackendStatus s : Backends.describe()) {
            if (s.available()) {
                String detail;
                try {
                    detail = Backends.get(s.name()).description();
                } catch (RuntimeException e) {
                    out.add(new BackendInfo(s.name(), false, "creation failed: " + e));
                    continue;
                }
                out.add(new BackendInfo(s.name(), true, detail));
            } else {
                out.add(new BackendInfo(s.name(), false, s.reason()));
            }
        }
        out.add(Dl4jProbe.probe());
        return out;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String totalMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / (1024.0 * 1024.0)))
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
