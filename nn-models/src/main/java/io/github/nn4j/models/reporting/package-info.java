/**
 * The reproduction report: {@code REPORT.md}, {@code metrics.json} and the figures (loss curves with XChart,
 * the confusion-matrix heat map, the reconstructions), each file written atomically.
 */
package io.github.nn4j.models.reporting;
