/**
 * Developer tools: quick console measurements for exploring a question (GEMM rates per core, epoch times per thread
 * setting, ND4J's dispatch cost), behind one entry point, {@link io.github.nn4j.benchmarks.tools.Tool}, and one
 * timing helper. Not the project's numbers, which come from the JMH benchmarks.
 */
package io.github.nn4j.benchmarks.tools;
