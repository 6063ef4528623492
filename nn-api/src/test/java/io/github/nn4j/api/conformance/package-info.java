/**
 * The backend conformance suite, shipped in the {@code nn-api} test-jar: the executable definition of a
 * working backend. A backend module adds the test-jar as a test dependency and subclasses
 * {@link io.github.nn4j.api.conformance.TensorConformanceTest} (every tensor operation against a double-precision
 * reference, both dtypes) and {@link io.github.nn4j.api.conformance.ModelConformanceTest} (finite-difference
 * gradient checks of the standard layers and losses, training that follows the reference backend, determinism) and
 * {@link io.github.nn4j.api.conformance.PersistenceConformanceTest} (model files: round trip, loading across backends,
 * exact resume from checkpoints), each with a one-line {@code backend()} method. Tolerances are stated in {@link io.github.nn4j.api.conformance.Tolerance}.
 */
package io.github.nn4j.api.conformance;
