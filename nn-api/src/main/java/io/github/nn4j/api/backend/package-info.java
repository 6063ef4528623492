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
 * <p>To write a backend: extend {@link io.github.nn4j.api.backend.Backend}, implement its
 * {@code ...Kernel} methods (arguments arrive validated), and make the module's tests extend the
 * conformance suite in the {@code nn-api} test-jar.
 */
package io.github.nn4j.api.backend;
