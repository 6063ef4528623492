package io.github.nn4j.backend.nd4j;

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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A tool, not a test: what {@link HostPolicy} saves on tiny tensors. Trains the report's XOR network
 * ({@code 2-4-1}, tanh/sigmoid, MSE, SGD 0.5, 20,000 full-batch epochs) alternately on the backend users get and
 * on one with every kernel an ND4J op, and prints wall and calling-thread CPU time of each run (the first runs
 * include JIT warm-up).
 *
 * <pre>
 * cd nn-backend-nd4j &amp;&amp; mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Dnn4j.nd4j.blasThreads=1 -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      io.github.nn4j.backend.nd4j.XorDispatchCost
 * </pre>
 */
public final class XorDispatchCost {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private XorDispatchCost() {
    }

    /** Prints four rounds of both variants. */
    public static void main(String[] args) {
        Backend[] backends = {Nd4jTestBackends.standard(), Nd4jTestBackends.nativeOnly()};
        String[] names = {"standard", "native-only"};
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < backends.length; i++) {
                long wall = System.nanoTime();
                long cpu = MX.getCurrentThreadCpuTime();
                double loss = trainXor(backends[i]);
                System.out.printf("round %d %-11s wall %.3f s, thread CPU %.3f s, final loss %.5f%n", round, names[i],
                        (System.nanoTime() - wall) / 1e9, (MX.getCurrentThreadCpuTime() - cpu) / 1e9, loss);
            }
        }
    }

    private static double trainXor(Backend be) {
        try (Tensor x = be.fromMatrix(DType.FLOAT32, new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
             Tensor y = be.fromMatrix(DType.FLOAT32, new double[][] {{0}, {1}, {1}, {0}});
             Network net = Network.of(new Dense(be, 2, 4, 1), new Tanh(), new Dense(be, 4, 1, 2), new Sigmoid());
             Sgd sgd = new Sgd(0.5)) {
            return net.fit(x, y, new MeanSquaredError(), sgd, TrainingConfig.builder(20_000).build()).finalLoss();
        }
    }
}
