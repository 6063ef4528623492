package io.github.nn4j.backend.pure;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;

/**
 * Developer-only allocation check (not a test; {@link SteadyStateAllocationTest} holds the asserted bound).
 * Prints the heap bytes allocated, summed over all threads, per XOR epoch and per autoencoder step at
 * batch 64 and 256 after a warm-up. Run from the module directory:
 * <pre>
 * java [--add-modules jdk.incubator.vector [-XX:PerMethodTrapLimit=10000]] [-Dnn4j.pure.simd=false] \
 *     -cp target/classes:target/test-classes:$(cat cp.txt) io.github.nn4j.backend.pure.AllocationCheck [rounds] [xor|ae64|ae256|loss]
 * </pre>
 * ({@code cp.txt} from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt}). On the SIMD path
 * without the raised trap limit the autoencoder at batch 256 boxes about 1.2 MB per step, see
 * {@link PureOptions#TRAP_LIMIT_OPTION}; {@link FreshJvmAllocationTest} runs this class with the limit and asserts the bound.
 */
public final class AllocationCheck {
    private AllocationCheck() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String only = args.length > 1 ? args[1] : "all";
        Backend be = new PureBackendProvider().create();
        System.out.println(be.description());
        if (only.equals("all") || only.equals("xor")) {
            xor(be, rounds);
        }
        for (int batch : new int[] {64, 256}) {
            if (only.equals("all") || only.equals("ae" + batch)) {
                autoencoder(be, batch, rounds);
            }
        }
        if (only.equals("all") || only.equals("loss")) {
            loss(be, rounds);
        }
    }

    /**
     * The squared-error loss and gradient of a 256x784 batch called in a tight loop: the context in which the
     * sum of squares once boxed its accumulator on every call (96 bytes).
     */
    private static void loss(Backend be, int rounds) {
        try (Tensor prediction = be.randomNormal(DType.FLOAT32, Shape.matrix(256, 784), 0, 1, 301);
             Tensor target = be.randomUniform(DType.FLOAT32, Shape.matrix(256, 784), 0, 1, 302);
             Tensor gradient = be.zeros(DType.FLOAT32, Shape.matrix(256, 784))) {
            MeanSquaredError mse = new MeanSquaredError();
            double sink = 0;
            int calls = 3000;
            for (int r = 0; r < rounds; r++) {
                long before = AllocatedBytes.allThreads();
                for (int i = 0; i < calls; i++) {
                    sink += mse.valueAndGradient(prediction, target, gradient);
                }
                long bytes = AllocatedBytes.allThreads() - before;
                System.out.printf("%s loss: %.1f bytes per call%n", java.time.LocalTime.now(), bytes / (double) calls);
            }
            if (!Double.isFinite(sink)) {
                throw new IllegalStateException("loss not finite: " + sink);
            }
        }
    }

    private static void xor(Backend be, int rounds) {
        try (Network xor = xorNetwork(be);
             Tensor x = be.fromArray(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, Shape.matrix(4, 2));
             Tensor y = be.fromArray(new float[] {0, 1, 1, 0}, Shape.matrix(4, 1));
             Sgd sgd = new Sgd(0.5)) {
            MeanSquaredError mse = new MeanSquaredError();
            TrainingConfig config = TrainingConfig.builder(20_000).build();
            for (int r = 0; r < rounds; r++) {
                long before = AllocatedBytes.allThreads();
                xor.fit(x, y, mse, sgd, config);
                long bytes = AllocatedBytes.allThreads() - before;
                System.out.printf("%s XOR: %.1f bytes per epoch%n", java.time.LocalTime.now(), bytes / 20_000.0);
            }
        }
    }

    private static void autoencoder(Backend be, int batch, int rounds) {
        {
            try (Network ae = autoencoder(be);
                 Tensor images = be.randomUniform(DType.FLOAT32, Shape.matrix(batch, 784), 0, 1, 7);
                 Sgd sgd = new Sgd(0.01)) {
                MeanSquaredError mse = new MeanSquaredError();
                int steps = 300;
                for (int r = 0; r < rounds; r++) {
                    long before = AllocatedBytes.allThreads();
                    for (int s = 0; s < steps; s++) {
                        ae.trainStep(images, images, mse, sgd);
                    }
                    long bytes = AllocatedBytes.allThreads() - before;
                    System.out.printf("%s AE batch %d: %.1f bytes per step%n", java.time.LocalTime.now(), batch, bytes / (double) steps);
                }
            }
        }
    }

    static Network xorNetwork(Backend be) {
        return Network.of(new Dense(be, 2, 4, 1), new Tanh(), new Dense(be, 4, 1, 2), new Sigmoid());
    }

    static Network autoencoder(Backend be) {
        return Network.of(new Dense(be, 784, 128, 1), new ReLU(), new Dense(be, 128, 64, 2), new ReLU(),
                new Dense(be, 64, 128, 3), new ReLU(), new Dense(be, 128, 784, 4), new Sigmoid());
    }
}
