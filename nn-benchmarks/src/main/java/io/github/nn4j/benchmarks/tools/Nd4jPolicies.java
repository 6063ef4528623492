package io.github.nn4j.benchmarks.tools;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendProvider;
import java.util.ServiceLoader;

/**
 * ND4J backends with a chosen kernel policy ({@code nn4j.nd4j.kernels}: {@code auto}, {@code java}, {@code nd4j}),
 * side by side in one JVM, for the tools that compare them.
 */
final class Nd4jPolicies {
    /** The ND4J backend's policy property (see its README). */
    static final String KERNELS_PROPERTY = "nn4j.nd4j.kernels";

    private Nd4jPolicies() {
    }

    /** A new ND4J backend whose kernels follow {@code kernels}. */
    static Backend backend(String kernels) {
        BackendProvider nd4j = ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("nd4j")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the nd4j backend is not on the classpath"));
        String old = System.getProperty(KERNELS_PROPERTY);
        System.setProperty(KERNELS_PROPERTY, kernels);
        try {
            nd4j.probe().requireAvailable("nd4j");
            return nd4j.create();
        } finally {
            if (old == null) {
                System.clearProperty(KERNELS_PROPERTY);
            } else {
                System.setProperty(KERNELS_PROPERTY, old);
            }
        }
    }
}
