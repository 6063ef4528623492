/**
 * The reproduction report: {@code REPORT.md}, {@code metrics.json} and the figures (loss curves with XChart,
 * the confusion-matrix heat map, the reconstructions), the report directory replaced as a whole.
 */
package io.github.nn4j.models.reporting;
