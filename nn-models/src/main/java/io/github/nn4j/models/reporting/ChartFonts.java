package io.github.nn4j.models.reporting;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font the report's figures are drawn with, and whether text can be drawn at all.
 *
 * <p>On Linux, Java2D finds its fonts through fontconfig. A machine without the fontconfig library or without
 * any font file (a minimal server or container) cannot draw a single character: the first text fails with
 * {@code InternalError} ("Fontconfig head is null") or {@code Error} ("No physical fonts found"), and a later
 * attempt in the same JVM fails the same way. So before the first text is drawn, {@link #prepare()} points the
 * JDK at DejaVu Sans (regular and bold), which comes from Maven Central in the {@code jasperreports-fonts} jar: the
 * two font files are copied to a temporary directory and named in a font configuration file that the JDK reads
 * instead of asking fontconfig (the JDK's {@code sun.awt.fontconfig} system property). The figures then look the
 * same on every Linux machine, with or without fonts installed.
 *
 * <p>Where text still cannot be drawn (a Java runtime whose font library cannot load, e.g. one linked against a
 * missing system FreeType), {@link Status#usable()} is false and {@link Status#problem()} says why; the report is
 * then written without its charts. On other systems (macOS, Windows), which always have fonts, the system's are
 * used. A {@code sun.awt.fontconfig} set by the user is respected.
 *
 * <p>The choice is made once per JVM and must come before anything else draws text; thread-safe.
 */
public final class ChartFonts {
    /** The JDK's system property naming a font configuration file to use instead of the platform's. */
    static final String FONTCONFIG_PROPERTY = "sun.awt.fontconfig";
    private static final String RESOURCE_DIR = "net/sf/jasperreports/fonts/dejavu/";
    private static final String REGULAR = "DejaVuSans.ttf";
    private static final String BOLD = "DejaVuSans-Bold.ttf";
    private static final String[] FAMILIES = {"serif", "sansserif", "monospaced", "dialog", "dialoginput"};
    private static final Logger LOG = LoggerFactory.getLogger(ChartFonts.class);

    private static Status status;

    private ChartFonts() {
    }

    /**
     * Whether the figures can draw text, and with which fonts.
     *
     * @param usable  whether text can be drawn
     * @param source  which fonts are used, e.g. "DejaVu Sans (bundled)"; empty when unusable
     * @param problem why text cannot be drawn, with what to do; empty when usable
     */
    public record Status(boolean usable, String source, String problem) {
        static Status usable(String source) {
            return new Status(true, source, "");
        }

        static Status unusable(String problem) {
            return new Status(false, "", problem);
        }
    }

    /**
     * Chooses the fonts (the first call only) and checks that text can be drawn with them.
     *
     * @return the outcome, the same for every call in this JVM
     */
    public static synchronized Status prepare() {
        if (status == null) {
            System.setProperty("java.awt.headless", "true");
            String source = chooseFonts();
            status = probe(source);
            if (status.usable()) {
                LOG.debug("Figures are drawn with {}", status.source());
            } else {
                LOG.warn("{}", status.problem());
            }
        }
        return status;
    }

    /** Points the JDK at the bundled fonts where that applies; returns a description of the fonts in use. */
    private static String chooseFonts() {
        String preset = System.getProperty(FONTCONFIG_PROPERTY);
        if (preset != null) {
            return "the fonts of " + FONTCONFIG_PROPERTY + "=" + preset;
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return "the system's fonts";
        }
        try {
            Path config = installBundledFonts();
            System.setProperty(FONTCONFIG_PROPERTY, config.toString());
            return "DejaVu Sans (bundled with nn4j)";
        } catch (IOException e) {
            LOG.warn("Could not set up the bundled DejaVu Sans ({}); the figures use the system's fonts", e.toString());
            return "the system's fonts";
        }
    }

    /** Copies the two font files to a new temporary directory and writes a JDK font configuration naming them. */
    static Path installBundledFonts() throws IOException {
        Path dir = Files.createTempDirectory("nn4j-fonts-");
        dir.toFile().deleteOnExit(); // registered first, so deleted after the files in it
        Path regular = copyResource(REGULAR, dir);
        Path bold = copyResource(BOLD, dir);
        Properties p = new Properties();
        p.setProperty("version", "1");
        for (String family : FAMILIES) {
            p.setProperty(family + ".plain.latin-1", "DejaVu Sans");
            p.setProperty(family + ".italic.latin-1", "DejaVu Sans");
            p.setProperty(family + ".bold.latin-1", "DejaVu Sans Bold");
            p.setProperty(family + ".bolditalic.latin-1", "DejaVu Sans Bold");
        }
        p.setProperty("sequence.allfonts", "latin-1");
        p.setProperty("filename.DejaVu_Sans", regular.toString());
        p.setProperty("filename.DejaVu_Sans_Bold", bold.toString());
        Path config = dir.resolve("fontconfig.properties");
        config.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "nn4j: the report's figures use the bundled DejaVu Sans (see ChartFonts)");
        }
        return config;
    }

    private static Path copyResource(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        target.toFile().deleteOnExit();
        try (InputStream in = ChartFonts.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IOException(RESOURCE_DIR + name + " is not on the class path (jasperreports-fonts jar)");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Draws a few characters, plain and bold, into an image: the first text drawn in this JVM. */
    private static Status probe(String source) {
        try {
            BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                for (int style : new int[] {Font.PLAIN, Font.BOLD}) {
                    g.setFont(new Font(Font.SANS_SERIF, style, 14));
                    FontMetrics fm = g.getFontMetrics();
                    g.drawString("0.9 Ag", 2, 20);
                    if (fm.stringWidth("0.9 Ag") <= 0) {
                        return Status.unusable(unusable("text has no width with " + source));
                    }
                }
            } finally {
                g.dispose();
            }
            return Status.usable(source);
        } catch (Throwable t) { // InternalError, Error("No physical fonts found"), UnsatisfiedLinkError, ...
            return Status.unusable(unusable(rootMessage(t)));
        }
    }

    private static String unusable(String cause) {
        return "Java cannot draw text on this machine (" + cause + "), so the charts were not drawn. Java's font "
                + "library needs FreeType (libfreetype.so.6, which Java runtimes normally bring or depend on); every "
                + "number is in REPORT.md and metrics.json all the same.";
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootText = root.getClass().getSimpleName() + ": " + root.getMessage();
        return root == t ? rootText : t.getClass().getSimpleName() + " caused by " + rootText;
    }
}
