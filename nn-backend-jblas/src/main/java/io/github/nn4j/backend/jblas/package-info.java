/**
 * The jblas backend: matrix products through jblas's native BLAS, element-wise work in Java.
 *
 * <p>Put {@code nn-backend-jblas} on the classpath and select it with {@code -Dnn4j.backend=jblas} (or
 * {@code NN4J_BACKEND=jblas}); see {@link io.github.nn4j.backend.jblas.JblasBackendProvider} for availability and
 * priority. jblas's native code links against the gfortran runtime; on linux-x86_64 it comes from Maven Central
 * with the backend ({@code GfortranRuntime}), elsewhere the system must have it. Speed: the bundled OpenBLAS reads {@code OPENBLAS_CORETYPE} when the library loads; on recent
 * x86-64 CPUs it otherwise falls back to generic kernels about half as fast.
 */
package io.github.nn4j.backend.jblas;
