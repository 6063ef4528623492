package io.github.nn4j.models.reporting;

import java.io.IOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Loss-per-epoch line charts, rendered by XChart to PNG. */
public final class LossChart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private LossChart() {
    }

    /**
     * PNG bytes of a chart of {@code series}.
     *
     * @param logarithmic whether the y axis is logarithmic (all values must then be positive)
     */
    public static byte[] png(String title, String yAxisTitle, List<LossSeries> series, boolean logarithmic)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(yAxisTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisMin(0.0); // ticks at round numbers rather than 1, 1251, 2501, ...
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        for (LossSeries s : series) {
            if (logarithmic) {
                for (double v : s.values()) {
                    if (!(v > 0)) {
                        throw new IllegalArgumentException(s.name() + " has the value " + v
                                + ", which a logarithmic axis cannot show");
                    }
                }
            }
            XYSeries xy = chart.addSeries(s.name(), s.epochs(), s.values());
            xy.setMarker(s.values().length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Whether a logarithmic axis can show every value of {@code series}: all are positive. A loss that reaches 0
     * exactly (a cross-entropy on data fitted perfectly) needs a linear axis.
     */
    public static boolean fitsLogarithmicAxis(List<LossSeries> series) {
        for (LossSeries s : series) {
            for (double v : s.values()) {
                if (!(v > 0)) {
                    return false;
                }
            }
        }
        return true;
    }
}
