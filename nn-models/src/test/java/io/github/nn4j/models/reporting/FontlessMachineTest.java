package io.github.nn4j.models.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.nn4j.models.testsupport.ChildJvm;
import io.github.nn4j.models.testsupport.ChildJvm.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report on a machine without fontconfig and without fonts, reproduced for real: the report is written in a child
 * JVM inside a private mount namespace where the fontconfig library is replaced by an empty file and the font and
 * font-configuration directories by empty ones (the machine itself is not changed). Needs Linux, root and
 * {@code unshare}; skipped elsewhere, saying so (CI runs as root).
 *
 * <p>Each test first proves that the namespace really is fontless (a JVM there cannot draw text by itself), then
 * that the report's figures are drawn all the same, with the bundled font; and, where the JDK's font library uses
 * the system's FreeType, that hiding FreeType too leaves a complete report without charts.
 */
class FontlessMachineTest {
    /** Hides every libfontconfig.so.1 the dynamic linker knows, and the font and fontconfig directories. */
    private static final String HIDE_FONTS = String.join(" && ",
            "for f in $(ldconfig -p | awk '$1 == \"libfontconfig.so.1\" {print $NF}'); do "
                    + "mount --bind /dev/null \"$(readlink -f \"$f\")\" || exit 90; done",
            "for d in /etc/fonts /usr/share/fonts /usr/local/share/fonts \"$HOME/.fonts\" \"$HOME/.local/share/fonts\"; do "
                    + "if [ -d \"$d\" ]; then mount -t tmpfs tmpfs \"$d\" || exit 91; fi; done");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndUnshare() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "a private mount namespace needs Linux");
        assumeTrue(ChildJvm.succeeds("unshare", "-m", "true"),
                "unshare -m is missing or fails here (it needs root): the fontless machine is not tested");
    }

    private static ChildJvm inNamespace(String mounts) {
        return ChildJvm.withAllBackends().through("unshare", "-m", "sh", "-c", mounts + " && exec \"$@\"", "sh");
    }

    @Test
    void withoutFontconfigAndFontsTheChartsAreDrawnWithTheBundledFont() throws Exception {
        Result system = inNamespace(HIDE_FONTS).run(ReportProbe.class, "--system-fonts");
        assertThat(system.value("systemFonts")).as("the namespace must be fontless: %s", system)
                .isNotNull().isNotEqualTo("usable");

        Result r = inNamespace(HIDE_FONTS).run(ReportProbe.class, dir.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.value("charts")).as(r.toString()).isEqualTo("true");
        assertThat(r.value("font")).as(r.toString()).isEqualTo("DejaVu Sans (bundled with nn4j)");
        assertThat(r.value("files")).as(r.toString()).isEqualTo(String.join(",", ReportWriter.FILES));
        for (String chart : ReportWriter.CHARTS) {
            assertThat(darkPixelsInTitleStrip(dir.resolve(chart))).as("title text of %s", chart).isGreaterThan(20);
        }
    }

    @Test
    void withoutFreeTypeTooTheReportIsCompleteWithoutCharts() throws Exception {
        Path jdkFreeType = Paths.get(System.getProperty("java.home"), "lib", "libfreetype.so");
        assumeTrue(!Files.exists(jdkFreeType), "this JDK brings its own FreeType (" + jdkFreeType + ")");
        String hideFreeType = "for f in $(ldconfig -p | awk '$1 == \"libfreetype.so.6\" {print $NF}'); do "
                + "mount --bind /dev/null \"$(readlink -f \"$f\")\" || exit 92; done";

        Result r = inNamespace(HIDE_FONTS + " && " + hideFreeType).run(ReportProbe.class, dir.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.value("charts")).as(r.toString()).isEqualTo("false");
        assertThat(r.value("problem")).as(r.toString()).contains("Java cannot draw text on this machine")
                .contains("libfreetype");
        List<String> expected = new ArrayList<>(ReportWriter.FILES);
        expected.removeAll(ReportWriter.CHARTS);
        assertThat(r.value("files")).as(r.toString()).isEqualTo(String.join(",", expected));
        String md = Files.readString(dir.resolve(ReportWriter.REPORT));
        assertThat(md).contains("> **Charts not drawn.** Java cannot draw text on this machine")
                .contains("*(XOR loss: chart not drawn, see the note at the top.)*")
                .contains("| SVM test accuracy on the 64-d latent codes |")
                .doesNotContain("](loss-xor.png)");
        assertThat(Files.readString(dir.resolve(ReportWriter.METRICS))).contains("\"chartsDrawn\": false");
        assertThat(ImageIO.read(dir.resolve(ReportWriter.RECONSTRUCTIONS).toFile())).isNotNull();
    }

    /** Non-white pixels in the top 30 rows, where XChart draws the title. */
    private static int darkPixelsInTitleStrip(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        int dark = 0;
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (((rgb >> 16) & 0xFF) < 128 && ((rgb >> 8) & 0xFF) < 128 && (rgb & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
