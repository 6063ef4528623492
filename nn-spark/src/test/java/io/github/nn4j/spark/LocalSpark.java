package io.github.nn4j.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2]} Spark session for all tests of this JVM (starting one takes seconds): two task threads, as
 * an executor with two cores runs them, no web UI, few shuffle partitions.
 */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("nn-spark tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop local Spark"));
        }
        return session;
    }
}
