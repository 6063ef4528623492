/**
 * Backends: who computes, and how one is chosen.
 *
 * <p>A backend module ships a {@link io.github.nn4j.api.backend.BackendProvider} registered in
 * {@code META-INF/services/io.github.nn4j.api.backend.BackendProvider}. {@link io.github.nn4j.api.backend.Backends}
 * discovers providers with {@link java.util.ServiceLoader}, probes each (a native library may fail to
 * load), and selects one: the name in the system property {@code nn4j.backend}, else in the environment
 * variable {@code NN4J_BACKEND}, else the available provider with the highest priority.
 * {@link io.github.nn4j.api.backend.Backends#describe()} explains every decision.
 *
 * <h2>Writing a backend</h2>
 * Extend {@link io.github.nn4j.api.backend.Backend} and implement its seven storage kernels (or extend
 * {@link io.github.nn4j.api.backend.HeapArrayBackend}, which has them for tensors in Java arrays). Every compute
 * kernel already has a plain-Java default ({@link io.github.nn4j.api.backend.FloatArrayKernels},
 * {@link io.github.nn4j.api.backend.DoubleArrayKernels}), reached through the element hooks
 * ({@code floatsToRead}, {@code floatsToWrite}, {@code written}): by default through copies, which works everywhere;
 * a backend whose memory Java can address lends it instead (heap arrays directly, off-heap memory through reused
 * arrays, as the ND4J backend does). Override the kernels your backend does better, and make the module's tests
 * extend the conformance suites in the {@code nn-api} test-jar ({@code io.github.nn4j.api.conformance}).
 *
 * <h2>Adding an operation</h2>
 * <ol>
 *   <li><b>The operation and its validation</b>, in {@link io.github.nn4j.api.backend.Backend}: a public final
 *       method that checks its arguments (open tensors of this backend, one dtype, fitting shapes, which outputs may
 *       alias which inputs) and names the operation and the shapes in its errors, then calls a protected
 *       {@code ...Kernel} method. Its javadoc states shapes and aliasing.</li>
 *   <li><b>Its default kernel</b>: the {@code ...Kernel} method dispatches on the dtype to
 *       {@link io.github.nn4j.api.backend.DoubleArrayKernels} and {@link io.github.nn4j.api.backend.FloatArrayKernels}.
 *       Write the array kernel (element-wise ones on an index range, so that SIMD kernels can finish their tails
 *       with it) and its tensor glue in {@code DoubleArrayKernels} only, then regenerate the FLOAT32 file:
 *       {@code java nn-api/src/test/java/io/github/nn4j/api/codegen/Float32Generator.java} from the repository root.
 *       Where the two precisions need different formulas, call an overload pair in {@code ScalarFunctions}.</li>
 *   <li><b>Its conformance tests</b>, in the test-jar: against {@code ReferenceMath} (an independent reference),
 *       within a bound of {@code Tolerance} (add one, with its reason, if none fits), on {@code Shapes}; if it has a
 *       derivative, a gradient check. Every backend's conformance tests then run it, and the storage-only test
 *       backend proves the default through copies.</li>
 *   <li><b>Optional overrides</b>, each only where a JMH benchmark in {@code nn-benchmarks} measures it faster: the
 *       pure backend's SIMD kernels ({@code VectorDoubleKernels}, regenerated, and {@code SimdPureBackend}), ND4J
 *       operations ({@code NativeKernels}, behind the ND4J backend's {@code HostPolicy}), a BLAS call.</li>
 * </ol>
 * A layer that uses the operation is a {@code Layer} in {@code io.github.nn4j.api.layer} and, to be saved, a
 * {@code LayerType} in {@code io.github.nn4j.api.persist.standard} registered in
 * {@code META-INF/services/io.github.nn4j.api.persist.LayerType}.
 */
package io.github.nn4j.api.backend;
