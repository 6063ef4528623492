package io.github.nn4j.api.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the FLOAT32 twin of a FLOAT64 source file, so that each kernel that exists in both precisions is
 * written once: the FLOAT64 file is the source of truth, the FLOAT32 file is derived from it, committed, and marked
 * {@code @Generated} and "do not modify". A test in each module that has such pairs
 * ({@code GeneratedSourcesTest}) fails when regenerating would change a committed file.
 *
 * <p>To regenerate every FLOAT32 file of the repository after editing a FLOAT64 source, run this file from the
 * repository root with Java's source launcher (it needs nothing but the JDK, so it works while the FLOAT32 files do
 * not compile yet): {@code java nn-api/src/test/java/io/github/nn4j/api/codegen/Float32Generator.java}. It finds
 * the generated files by their {@code @Generated} line. To create a new twin, name its FLOAT64 source:
 * {@code java .../Float32Generator.java path/to/VectorDoubleThing.java}.
 *
 * <h2>Rules</h2>
 * Applied line by line to the FLOAT64 source:
 * <ul>
 *   <li>{@code double} becomes {@code float}, also as the start of a name ({@code doubles(t)} becomes
 *       {@code floats(t)}), except in the phrase "double precision"; {@code Double} becomes {@code Float} anywhere
 *       in a name ({@code DoubleVector}, {@code VectorDoubleKernels}, {@code Double.NaN}); {@code DOUBLE} becomes
 *       {@code FLOAT}; {@code FLOAT64} becomes {@code FLOAT32}.</li>
 *   <li>Decimal literals in code ({@code 0.0}, {@code 1.5e-3}) get the suffix {@code f}.</li>
 *   <li>A line that contains the marker {@value #KEEP} is copied as it is, but for its arrays ({@code double[]}
 *       still becomes {@code float[]}): in code, as the comment {@code // same in FLOAT32}, on a line whose scalar
 *       {@code double}s stay {@code double} in the FLOAT32 code too, such as an accumulator (FLOAT32 sums accumulate
 *       in double) or a method that returns a sum; in javadoc, as an HTML comment, on a sentence that names both
 *       files.</li>
 * </ul>
 * So the FLOAT64 source marks with a cast where FLOAT32 has to round: {@code out[i] = (double) Math.exp(a[i])}
 * becomes {@code out[i] = (float) Math.exp(a[i])} (hence {@code @SuppressWarnings("cast")} on such classes).
 * Where the two precisions need different code, the FLOAT64 source calls an overloaded method that exists for both
 * ({@code float tanh(float)} and {@code double tanh(double)}), written by hand.
 */
public final class Float32Generator {
    /** Marks a line that keeps its {@code double}s in the FLOAT32 code. */
    public static final String KEEP = "same in FLOAT32";
    /** The command that regenerates every FLOAT32 file, run from the repository root. */
    public static final String COMMAND = "java nn-api/src/test/java/io/github/nn4j/api/codegen/Float32Generator.java";

    private static final Pattern DOUBLE_WORD = Pattern.compile("\\bdouble(?! precision)");
    private static final Pattern DECIMAL_LITERAL =
            Pattern.compile("(?<![\\w.])(\\d+\\.\\d+(?:[eE][-+]?\\d+)?|\\d+[eE][-+]?\\d+)(?![\\w.])");
    private static final Pattern GENERATED_FROM =
            Pattern.compile("^// GENERATED from (\\S+\\.java) by " + Pattern.quote(Float32Generator.class.getName()),
                    Pattern.MULTILINE);
    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("^(public |protected |private )?((abstract|final|sealed|static) )*(class|interface|enum|record) ");

    private Float32Generator() {
    }

    /**
     * Regenerates the FLOAT32 twins: of the FLOAT64 files given as arguments, or, without arguments, of every
     * generated file below the working directory. Prints each file it rewrites.
     */
    public static void main(String[] args) throws IOException {
        List<Path> sources = new ArrayList<>();
        if (args.length > 0) {
            for (String a : args) {
                sources.add(Path.of(a));
            }
        } else {
            try (var files = Files.walk(Path.of("."))) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java")
                        && f.toString().contains("src" + java.io.File.separator + "main"))::iterator) {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    Matcher m = GENERATED_FROM.matcher(text);
                    if (m.find()) {
                        sources.add(p.resolveSibling(m.group(1)));
                    }
                }
            }
        }
        for (Path source : sources) {
            String name = source.getFileName().toString();
            Path target = source.resolveSibling(targetName(name));
            String generated = generate(Files.readString(source, StandardCharsets.UTF_8), name);
            if (!Files.exists(target) || !generated.equals(Files.readString(target, StandardCharsets.UTF_8))) {
                Files.writeString(target, generated, StandardCharsets.UTF_8);
                System.out.println("regenerated " + target);
            }
        }
    }

    /** The FLOAT32 source generated from {@code float64Source}, the text of the file named {@code sourceName}. */
    public static String generate(String float64Source, String sourceName) {
        String[] lines = float64Source.split("\n", -1);
        List<String> out = new ArrayList<>(lines.length + 8);
        boolean inBlockComment = false;
        boolean annotated = false;
        for (String line : lines) {
            String trimmed = line.trim();
            boolean commentLine = inBlockComment || trimmed.startsWith("/*") || trimmed.startsWith("*")
                    || trimmed.startsWith("//");
            if (trimmed.startsWith("/*") && !trimmed.contains("*/")) {
                inBlockComment = true;
            } else if (inBlockComment && trimmed.contains("*/")) {
                inBlockComment = false;
            }
            String converted = line.contains(KEEP) ? line.replace("double[]", "float[]") : convert(line, commentLine);
            if (!annotated && !commentLine && TYPE_DECLARATION.matcher(converted).find()) {
                out.add("@Generated(value = \"" + Float32Generator.class.getName() + "\", comments = \"from "
                        + sourceName + "; do not modify: edit that file and regenerate\")");
                annotated = true;
            }
            out.add(converted);
            if (line.startsWith("package ")) {
                out.add("");
                out.add("// GENERATED from " + sourceName + " by " + Float32Generator.class.getName()
                        + ". Do not modify:");
                out.add("// edit " + sourceName + " and regenerate: " + COMMAND);
            }
        }
        if (!annotated) {
            throw new IllegalArgumentException(sourceName + ": no top-level type declaration found");
        }
        addImport(out, "javax.annotation.processing.Generated");
        return String.join("\n", out);
    }

    private static String convert(String line, boolean commentLine) {
        String s = line.replace("FLOAT64", "FLOAT32").replace("Double", "Float").replace("DOUBLE", "FLOAT");
        s = DOUBLE_WORD.matcher(s).replaceAll("float");
        if (commentLine) {
            return s;
        }
        int comment = s.indexOf("//");
        String code = comment < 0 ? s : s.substring(0, comment);
        String rest = comment < 0 ? "" : s.substring(comment);
        Matcher m = DECIMAL_LITERAL.matcher(code);
        return m.replaceAll("$1f") + rest;
    }

    /** Inserts {@code import name;} among the imports in sorted position (after the package line if there are none). */
    private static void addImport(List<String> lines, String name) {
        String statement = "import " + name + ";";
        int packageLine = -1;
        int insertAt = -1;
        int lastImport = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("package ")) {
                packageLine = i;
            } else if (l.startsWith("import ") && !l.startsWith("import static ")) {
                lastImport = i;
                if (insertAt < 0 && l.compareTo(statement) > 0) {
                    insertAt = i;
                }
            }
        }
        if (insertAt < 0 && lastImport >= 0) {
            insertAt = lastImport + 1;
        }
        if (insertAt < 0) {
            // no imports: after the package line and the generated-file comment
            insertAt = packageLine + 4;
            lines.add(insertAt, "");
            lines.add(insertAt, statement);
            return;
        }
        lines.add(insertAt, statement);
    }

    /** The FLOAT32 file name of a FLOAT64 one: {@code VectorDoubleKernels.java} gives {@code VectorFloatKernels.java}. */
    public static String targetName(String float64FileName) {
        if (!float64FileName.contains("Double")) {
            throw new IllegalArgumentException(float64FileName + ": a FLOAT64 source's name contains \"Double\"");
        }
        return float64FileName.replace("Double", "Float");
    }

    /**
     * For each FLOAT64 file in {@code directory}, compares its FLOAT32 twin with what {@link #generate} makes of it,
     * and returns the twins that differ (or are missing).
     */
    public static List<Path> check(Path directory, String... float64FileNames) {
        List<Path> stale = new ArrayList<>();
        try {
            for (String name : float64FileNames) {
                Path source = directory.resolve(name);
                Path target = directory.resolve(targetName(name));
                String expected = generate(Files.readString(source, StandardCharsets.UTF_8), name);
                String actual = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
                if (!expected.equals(actual)) {
                    stale.add(target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stale;
    }
}
