package io.github.nn4j.datasets.files;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@value #FILE_NAME} file as {@code sha256sum} writes it: one line per file, 64 hex digits, a space, a space or
 * {@code *} (text or binary mode, the same digest), and the file name. Blank lines and lines starting with {@code #}
 * are ignored; anything else is an error naming the line. Names are plain file names in the same directory.
 */
public final class Sha256Sums {
    /** The conventional name of the file, beside the files it lists. */
    public static final String FILE_NAME = "SHA256SUMS";
    /** Larger files are not digest lists; refusing them keeps a stray file from being read into memory. */
    static final long MAX_BYTES = 1 << 20;

    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

    private final Path file;
    private final Map<String, String> digests;

    private Sha256Sums(Path file, Map<String, String> digests) {
        this.file = file;
        this.digests = digests;
    }

    /**
     * The {@value #FILE_NAME} of a directory.
     *
     * @param dir the directory
     * @return its digest list, or empty if it has none
     * @throws IOException if it has one that is malformed or cannot be read (see {@link #read})
     */
    public static Optional<Sha256Sums> in(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /**
     * Reads and checks a digest list.
     *
     * @param file the list
     * @return its digests
     * @throws IOException naming the file and line when a line is not {@code <sha256> <name>}, a name is not
     *                     a plain file name or is listed twice, or the file is not UTF-8 text of at most
     *                     {@value #MAX_BYTES} bytes
     */
    public static Sha256Sums read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw problem(file, "is " + Files.size(file) + " bytes, too large for a list of digests");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new IOException(file + ": is not UTF-8 text", e);
        }
        Map<String, String> digests = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw problem(file, "line " + (i + 1) + " is not '<64 hex digits>  <file name>': '"
                        + abbreviate(line) + "'");
            }
            String name = m.group(2);
            if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
                throw problem(file, "line " + (i + 1) + " names '" + abbreviate(name)
                        + "', not a file in the same directory");
            }
            if (digests.put(name, m.group(1).toLowerCase(Locale.ROOT)) != null) {
                throw problem(file, "line " + (i + 1) + " lists " + name + " a second time");
            }
        }
        return new Sha256Sums(file, digests);
    }

    private static IOException problem(Path file, String detail) {
        return new IOException(file + ": " + detail);
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }

    /** {@return the file the digests were read from} */
    public Path file() {
        return file;
    }

    /**
     * The listed digest of a file.
     *
     * @param name a file name
     * @return its digest (lower-case hex), or empty if it is not listed
     */
    public Optional<String> digest(String name) {
        return Optional.ofNullable(digests.get(name));
    }

    /** {@return every listed file name with its digest} */
    public Map<String, String> digests() {
        return Map.copyOf(digests);
    }
}
