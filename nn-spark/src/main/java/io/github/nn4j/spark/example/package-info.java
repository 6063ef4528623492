/**
 * The end-to-end example of nn-spark, {@link io.github.nn4j.spark.example.MnistAutoencoderOnSpark}: the MNIST
 * autoencoder trained by parameter averaging and its codes computed through Spark. Run it with
 * {@code nn-spark/run-example.sh}, or submit the {@code example} jar with {@code spark-submit}.
 */
package io.github.nn4j.spark.example;
