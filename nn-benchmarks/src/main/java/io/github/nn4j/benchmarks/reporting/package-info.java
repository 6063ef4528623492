/**
 * Runs a JMH profile and writes its results twice: the raw JMH JSON and a Markdown report
 * ({@link io.github.nn4j.benchmarks.reporting.MarkdownReport}) with one table per benchmark, backends side by side,
 * medians, errors, ratios to the fastest, GFLOP/s for matrix products and heap bytes per operation.
 * Entry point: {@link io.github.nn4j.benchmarks.reporting.BenchmarkMain}, used by {@code run.sh}.
 */
package io.github.nn4j.benchmarks.reporting;
