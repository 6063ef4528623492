/**
 * nn4j on Apache Spark: {@link io.github.nn4j.spark.SparkPredictor} adds a network's outputs (or its first layers')
 * as a column of a {@code Dataset<Row>}, and {@link io.github.nn4j.spark.ParameterAveraging} trains a network on a
 * dataset by synchronous data-parallel parameter averaging.
 *
 * <p>Spark is a provided dependency (the cluster supplies it; built against 4.1.0, tested on 3.5 to 4.2), and so is
 * the backend choice: executors use the nn4j backend found on their class path, selected as on one machine, or the
 * one named in the settings. Models travel as model-file bytes ({@link io.github.nn4j.api.persist.ModelFiles}) in
 * broadcast variables. A JVM started without Spark's launcher (tests, {@code local[N]} from {@code java}) needs the
 * {@code --add-opens} flags listed in the README's "Spark" section.
 */
package io.github.nn4j.spark;
