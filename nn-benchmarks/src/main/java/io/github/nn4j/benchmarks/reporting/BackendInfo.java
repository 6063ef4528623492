package io.github.nn4j.benchmarks.reporting;

import io.github.nn4j.benchmarks.training.AutoencoderTrainer;
import java.util.List;

/**
 * What the report says about one value of the {@code backend} parameter.
 *
 * @param name      the parameter value ({@code pure}, {@code jblas}, {@code nd4j}, {@code dl4j})
 * @param available whether it can run here
 * @param detail    its description (library, threads, instruction set) when available, else why not
 */
public record BackendInfo(String name, boolean available, String detail) {
    /** The backends the benchmarks know, in the order of the report's columns. */
    public static final List<String> STANDARD = List.of("pure", "jblas", "nd4j", AutoencoderTrainer.DL4J);
}
