package io.github.nn4j.models.reporting;

import io.github.nn4j.api.metric.ConfusionMatrix;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * A confusion matrix as an XChart heat map with the count printed in every cell: predicted class along x,
 * true class along y (0 at the top). The colour scale runs from 0 to the largest off-diagonal count (the
 * diagonal cells saturate), so that the errors, not the correct answers, carry the colour.
 */
public final class ConfusionMatrixChart {
    private static final int SIZE = 760;

    private ConfusionMatrixChart() {
    }

    /** PNG bytes of the heat map. */
    public static byte[] png(String title, ConfusionMatrix cm) throws IOException {
        int k = cm.classes();
        List<String> predicted = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            predicted.add(Integer.toString(c));
            truth.add(Integer.toString(k - 1 - c)); // y grows upwards; list the last class first to put 0 on top
        }
        long maxOff = 1;
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                long count = cm.count(t, p);
                if (t != p) {
                    maxOff = Math.max(maxOff, count);
                }
                cells.add(new Number[] {p, k - 1 - t, count});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(SIZE).height(SIZE).title(title).build();
        chart.setXAxisTitle("predicted digit");
        chart.setYAxisTitle("true digit");
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("0");
        chart.getStyler().setValueFontColor(Color.BLACK);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(maxOff);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0xFD, 0xAE, 0x61), new Color(0xD7, 0x30, 0x27)});
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setPlotContentSize(1.0);
        chart.addSeries("confusion", predicted, truth, cells);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
