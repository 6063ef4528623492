package io.github.nn4j.models.reporting;

import io.github.nn4j.models.autoencoder.ReconstructionSamples;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Test digits (top row) over their reconstructions (bottom row), each image enlarged without smoothing so
 * that the pixels stay visible, written as PNG with {@code javax.imageio}. Ink is drawn black on white, as
 * MNIST digits are usually shown.
 */
public final class ReconstructionFigure {
    private static final int SCALE = 4;
    private static final int GAP = 6;
    private static final int LEFT = 130;
    private static final int TOP = 28;

    private ReconstructionFigure() {
    }

    /**
     * PNG bytes of the figure.
     *
     * @param withText whether to label the rows and the digits; false where no text can be drawn
     *                 ({@link ChartFonts}), which leaves the images alone
     */
    public static byte[] png(ReconstructionSamples samples, boolean withText) throws IOException {
        int w = samples.cols() * SCALE;
        int h = samples.rows() * SCALE;
        int n = samples.count();
        BufferedImage canvas = new BufferedImage(LEFT + n * (w + GAP), TOP + 2 * (h + GAP), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            if (withText) {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
                g.setColor(Color.BLACK);
                FontMetrics fm = g.getFontMetrics();
                g.drawString("test image", 8, TOP + h / 2 + fm.getAscent() / 2);
                g.drawString("reconstruction", 8, TOP + h + GAP + h / 2 + fm.getAscent() / 2);
                for (int i = 0; i < n; i++) {
                    String label = Integer.toString(samples.labels()[i]);
                    g.drawString(label, LEFT + i * (w + GAP) + (w - fm.stringWidth(label)) / 2, TOP - 8);
                }
            }
            for (int i = 0; i < n; i++) {
                int x = LEFT + i * (w + GAP);
                g.drawImage(grey(samples.originals()[i], samples.rows(), samples.cols()), x, TOP, w, h, null);
                g.drawImage(grey(samples.reconstructions()[i], samples.rows(), samples.cols()), x, TOP + h + GAP, w, h,
                        null);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(canvas, "png", out)) {
            throw new IOException("no PNG writer in this JVM");
        }
        return out.toByteArray();
    }

    /** A grey-scale image of values in [0, 1], 1 = black ink. */
    private static BufferedImage grey(float[] pixels, int rows, int cols) {
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float v = Math.max(0f, Math.min(1f, pixels[r * cols + c]));
                int level = Math.round(255 * (1 - v));
                img.getRaster().setSample(c, r, 0, level);
            }
        }
        return img;
    }
}
