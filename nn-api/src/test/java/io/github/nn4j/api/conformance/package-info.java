/**
 * The backend conformance suite, shipped in the {@code nn-api} test-jar: the executable definition of a
 * working backend. A backend module adds the test-jar as a test dependency and subclasses
 * {@link io.github.nn4j.api.conformance.TensorConformanceTest} (every tensor operation, both dtypes, on shapes that
 * cross the backends' blocking and threading boundaries), {@link io.github.nn4j.api.conformance.ModelConformanceTest}
 * (gradient checks of the standard layers and losses in both dtypes, every training step against a reference,
 * determinism) and {@link io.github.nn4j.api.conformance.PersistenceConformanceTest} (model files: round trip, loading
 * across backends, exact resume from checkpoints), each with a one-line {@code backend()} method.
 *
 * <p>Expectations come from {@link io.github.nn4j.api.conformance.ReferenceMath} and
 * {@link io.github.nn4j.api.conformance.ReferenceNetwork}, written apart from nn-api's enums, layers and optimizers,
 * so that a mistake in nn-api cannot hide behind itself; every tolerance is derived from how the operation rounds and
 * stated in {@link io.github.nn4j.api.conformance.Tolerance}; the shapes and the boundaries they cross are listed in
 * {@code Shapes}. {@code PlantedBugsTest} (nn-api's own tests) shows the suite failing on six deliberately broken
 * backends.
 */
package io.github.nn4j.api.conformance;
