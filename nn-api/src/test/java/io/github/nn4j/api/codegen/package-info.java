/**
 * Source generation for the kernels that exist in both precisions: {@link io.github.nn4j.api.codegen.Float32Generator}
 * derives each FLOAT32 file from its FLOAT64 source. Shared with the backend modules through the {@code nn-api}
 * test-jar.
 */
package io.github.nn4j.api.codegen;
