package io.github.nn4j.models.reproduce;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a run happened on, for the report.
 *
 * @param cpu         processor model (from {@code /proc/cpuinfo} on Linux), or {@code "unknown"}
 * @param cores       processors available to the JVM
 * @param memoryBytes physical memory, or -1 if unknown
 * @param os          operating system name, version and architecture
 * @param runtime     Java runtime version and VM
 * @param maxHeapBytes the JVM's maximum heap
 */
public record MachineInfo(String cpu, int cores, long memoryBytes, String os, String runtime, long maxHeapBytes) {

    /** Describes this machine. */
    public static MachineInfo current() {
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return new MachineInfo(cpuModel(), Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")",
                Runtime.getRuntime().maxMemory());
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                List<String> lines = Files.readAllLines(cpuinfo);
                for (String line : lines) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException e) {
                return "unknown";
            }
        }
        return "unknown";
    }

    /** E.g. {@code "AMD EPYC 9R14, 2 cores, 23.4 GiB"}. */
    public String summary() {
        return cpu + ", " + cores + " cores" + (memoryBytes > 0
                ? String.format(Locale.ROOT, ", %.1f GiB RAM", memoryBytes / (double) (1L << 30)) : "");
    }
}
