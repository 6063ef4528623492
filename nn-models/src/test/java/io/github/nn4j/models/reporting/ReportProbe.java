package io.github.nn4j.models.reporting;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The program {@link FontlessMachineTest} runs in child JVMs. {@code ReportProbe DIR} writes the made-up report of
 * {@link ReportWriterTest#report()} into DIR with {@link ReportWriter} and prints {@code charts=}, {@code font=},
 * {@code problem=} and {@code files=} lines. {@code ReportProbe --system-fonts} only draws text with whatever fonts
 * the JVM finds by itself and prints {@code systemFonts=usable} or {@code systemFonts=<error>}.
 */
public final class ReportProbe {
    private ReportProbe() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        if (args[0].equals("--system-fonts")) {
            try {
                Graphics2D g = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB).createGraphics();
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.drawString("Ag", 2, 15);
                System.out.println("systemFonts=usable");
            } catch (Throwable t) {
                System.out.println("systemFonts=" + t);
            }
            return;
        }
        ReportWriter.Written w = ReportWriter.write(ReportWriterTest.report(), Path.of(args[0]));
        System.out.println("charts=" + w.fonts().usable());
        System.out.println("font=" + w.fonts().source());
        System.out.println("problem=" + w.fonts().problem());
        System.out.println("files=" + String.join(",", w.files()));
    }
}
