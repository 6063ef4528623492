package io.github.nn4j.spark;

/** How {@link SparkPredictor} stores a network's outputs in the column it adds. */
public enum OutputType {
    /** A Spark ML dense vector ({@code org.apache.spark.ml.linalg.DenseVector}): FLOAT32 outputs widened exactly. */
    VECTOR,
    /** An {@code array<float>} for a FLOAT32 network, {@code array<double>} for a FLOAT64 one: the values as computed. */
    ARRAY
}
