package io.github.nn4j.models.cli;

import io.github.nn4j.api.backend.Availability;
import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.BackendProvider;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.models.xor.XorExperiment;
import java.util.Arrays;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The program {@link BackendsCommand} runs in a JVM of its own for each backend: {@code BackendCheck NAME} probes and
 * creates backend NAME as {@code --backend NAME} does (and no other backend: nothing else is loaded in this JVM),
 * multiplies two small matrices and trains the XOR network for a few epochs on it. It prints {@code status=ok} and
 * {@code description=...}, or {@code status=unavailable} / {@code status=failed}
 * and {@code reason=...}, one per line.
 */
public final class BackendCheck {
    /** Exit status when the backend is unavailable. */
    static final int UNAVAILABLE = 3;
    /** Exit status when the backend loaded but computed wrongly or threw. */
    static final int FAILED = 4;

    private BackendCheck() {
    }

    /** Entry point: the backend's name. */
    public static void main(String[] args) {
        String name = args[0];
        Backend backend;
        try {
            BackendProvider provider = null;
            for (BackendProvider p : ServiceLoader.load(BackendProvider.class, BackendCheck.class.getClassLoader())) {
                if (p.name().equalsIgnoreCase(name)) {
                    provider = p;
                }
            }
            if (provider == null) {
                unavailable("no backend named '" + name + "' on the class path");
                return;
            }
            Availability availability = provider.probe();
            if (!availability.isAvailable()) {
                unavailable(availability.reason());
                return;
            }
            backend = provider.create();
        } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            unavailable(e.toString());
            return;
        }
        try {
            check(backend);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            System.out.println("status=failed");
            System.out.println("reason=loaded, but computing failed: " + oneLine(e.toString()));
            System.exit(FAILED);
            return;
        }
        System.out.println("status=ok");
        System.out.println("description=" + oneLine(backend.description()));
    }

    private static void unavailable(String reason) {
        System.out.println("status=unavailable");
        System.out.println("reason=" + oneLine(reason));
        System.exit(UNAVAILABLE);
    }

    /** A product with a known answer, then a few epochs of XOR training, which must give finite predictions. */
    private static void check(Backend backend) {
        try (Tensor a = backend.fromMatrix(DType.FLOAT32, new double[][] {{1, 2, 3}, {4, 5, 6}});
                Tensor b = backend.fromMatrix(DType.FLOAT32, new double[][] {{7, 8}, {9, 10}, {11, 12}});
                Tensor c = a.matmul(b)) {
            float[] got = c.toFloatArray();
            float[] expected = {58, 64, 139, 154};
            if (!Arrays.equals(got, expected)) {
                throw new AssertionError("[[1,2,3],[4,5,6]] x [[7,8],[9,10],[11,12]] gave " + Arrays.toString(got)
                        + ", expected " + Arrays.toString(expected));
            }
        }
        XorExperiment.Result xor = XorExperiment.run(backend, new XorExperiment.Config(20, 0.5, 1), null);
        for (double p : xor.predictions()) {
            if (!Double.isFinite(p)) {
                throw new AssertionError("XOR training gave the prediction " + p);
            }
        }
    }

    private static String oneLine(String s) {
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
