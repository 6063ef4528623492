package io.github.nn4j.backend.pure.gemm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The per-core data caches a blocked GEMM sizes its blocks for ({@link GemmBlocking#forCaches}), in bytes.
 *
 * <p>On Linux they are read from {@code /sys/devices/system/cpu/cpu0/cache/index*}: the level-1 cache of type
 * {@code Data} and the level-2 cache of type {@code Data} or {@code Unified}, each {@code size} written as a
 * number with an optional {@code K}, {@code M} or {@code G} suffix. Anything missing, unreadable or implausible (a
 * size outside {@value #MIN_BYTES} bytes to 1 GiB) leaves that cache at its default, so a reading never fails.
 *
 * @param l1Data level-1 data cache of one core
 * @param l2 level-2 cache of one core
 */
public record CacheSizes(long l1Data, long l2) {
    /** Where Linux describes the first CPU's caches. */
    public static final Path LINUX_CPU0_CACHES = Path.of("/sys/devices/system/cpu/cpu0/cache");
    /** Level-1 data cache assumed where none is reported: 32 KiB, the most common size (and Zen 4's). */
    public static final long DEFAULT_L1_DATA = 32 * 1024;
    /** Level-2 cache assumed where none is reported: 1 MiB (Zen 4's; most x86 cores since 2017 have 1-2 MiB). */
    public static final long DEFAULT_L2 = 1024 * 1024;
    /** The defaults, for a machine that reports nothing. */
    public static final CacheSizes DEFAULT = new CacheSizes(DEFAULT_L1_DATA, DEFAULT_L2);
    /** Smallest size taken from the system: anything below is treated as a misreading. */
    static final long MIN_BYTES = 4096;
    private static final long MAX_BYTES = 1L << 30;
    private static final int MAX_ENTRIES = 64;
    /** sysfs reports every file as 4 KiB, so its size says nothing: read at most this much. */
    private static final int MAX_LINE_BYTES = 64;

    /** Checks that both sizes are positive. */
    public CacheSizes {
        if (l1Data <= 0 || l2 <= 0) {
            throw new IllegalArgumentException("cache sizes L1d " + l1Data + ", L2 " + l2 + " must be positive");
        }
    }

    /** This machine's caches: Linux's report where there is one, else {@link #DEFAULT}. */
    public static CacheSizes ofThisMachine() {
        return read(LINUX_CPU0_CACHES);
    }

    /**
     * The caches described in {@code dir} (laid out as Linux's {@code cpu0/cache}), each one not found there at its
     * default.
     */
    public static CacheSizes read(Path dir) {
        long l1 = 0;
        long l2 = 0;
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "index*")) {
                int seen = 0;
                for (Path index : entries) {
                    if (++seen > MAX_ENTRIES) {
                        break;
                    }
                    String level = readLine(index.resolve("level"));
                    String type = readLine(index.resolve("type")).toLowerCase(Locale.ROOT);
                    OptionalLong size = parseSize(readLine(index.resolve("size")));
                    if (size.isEmpty()) {
                        continue;
                    }
                    if (level.equals("1") && type.equals("data")) {
                        l1 = size.getAsLong();
                    } else if (level.equals("2") && (type.equals("data") || type.equals("unified"))) {
                        l2 = size.getAsLong();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // unreadable: whatever was not found keeps its default
            }
        }
        return new CacheSizes(l1 > 0 ? l1 : DEFAULT_L1_DATA, l2 > 0 ? l2 : DEFAULT_L2);
    }

    /**
     * A size as sysfs writes it ({@code 49152}, {@code 48K}, {@code 2048K}, {@code 2M}), or empty when it is not one
     * or lies outside {@value #MIN_BYTES} bytes to 1 GiB.
     */
    static OptionalLong parseSize(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("K")) {
            unit = 1024;
        } else if (s.endsWith("M")) {
            unit = 1024 * 1024;
        } else if (s.endsWith("G")) {
            unit = 1024 * 1024 * 1024;
        }
        if (unit != 1) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long bytes = Long.parseLong(s) * unit;
        return bytes >= MIN_BYTES && bytes <= MAX_BYTES ? OptionalLong.of(bytes) : OptionalLong.empty();
    }

    /** The first line of a text file (of its first 64 bytes), or "" when it is missing or unreadable. */
    private static String readLine(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            String text = new String(in.readNBytes(MAX_LINE_BYTES), StandardCharsets.ISO_8859_1);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "L1d " + l1Data / 1024 + " KiB, L2 " + l2 / 1024 + " KiB";
    }
}
