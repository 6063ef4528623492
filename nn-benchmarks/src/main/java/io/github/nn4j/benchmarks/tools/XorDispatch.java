package io.github.nn4j.benchmarks.tools;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;

/**
 * {@code xor-dispatch}: what the ND4J backend's host policy saves on tiny tensors. Trains the report's XOR network
 * ({@code 2-4-1}, tanh/sigmoid, MSE, SGD 0.5, 20,000 full-batch epochs) alternately on ND4J backends with the given
 * kernel policies (default: {@code auto}, the one users get, and {@code nd4j}, every kernel an ND4J op) and prints
 * wall and training-thread CPU time of each run; the first runs include JIT warm-up. Run with
 * {@code -Dnn4j.nd4j.blasThreads=1}.
 *
 * <pre>
 * Tool xor-dispatch [--kernels auto,nd4j] [--rounds 4]
 * </pre>
 */
final class XorDispatch {
    private static final int EPOCHS = 20_000;

    private XorDispatch() {
    }

    static void run(Options options) {
        if (options.help()) {
            System.out.println("xor-dispatch [--kernels auto,nd4j] [--rounds 4]");
            return;
        }
        String[] policies = options.get("kernels", "auto,nd4j").split(",");
        int rounds = options.getInt("rounds", 4);
        options.requireAllRead();
        Backend[] backends = new Backend[policies.length];
        for (int i = 0; i < policies.length; i++) {
            backends[i] = Nd4jPolicies.backend(policies[i]);
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < backends.length; i++) {
                double[] loss = new double[1];
                Backend be = backends[i];
                Timing.Elapsed t = Timing.time(() -> loss[0] = trainXor(be));
                System.out.printf("round %d %-5s wall %.3f s, thread CPU %.3f s, final loss %.5f%n", round, policies[i],
                        t.wallSeconds(), t.threadCpuSeconds(), loss[0]);
            }
        }
    }

    private static double trainXor(Backend be) {
        try (Tensor x = be.fromMatrix(DType.FLOAT32, new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
             Tensor y = be.fromMatrix(DType.FLOAT32, new double[][] {{0}, {1}, {1}, {0}});
             Network net = Network.of(new Dense(be, 2, 4, 1), new Tanh(), new Dense(be, 4, 1, 2), new Sigmoid());
             Sgd sgd = new Sgd(0.5)) {
            return net.fit(x, y, new MeanSquaredError(), sgd, TrainingConfig.builder(EPOCHS).build()).finalLoss();
        }
    }
}
