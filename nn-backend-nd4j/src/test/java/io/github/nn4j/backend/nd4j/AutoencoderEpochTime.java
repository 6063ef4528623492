package io.github.nn4j.backend.nd4j;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A tool, not a test: how the thread settings affect training. Trains the report's MNIST autoencoder shape
 * ({@code 784-128-64-128-784}, ReLU and a sigmoid output, MSE, SGD 0.05, mini-batches of 64) on random images and
 * prints, per epoch, wall time and the calling thread's CPU time, both scaled to 60,000 images. Run it with
 * different {@code -Dnn4j.nd4j.ompThreads} / {@code -Dnn4j.nd4j.blasThreads}; wall time is meaningful only on an
 * otherwise idle machine.
 *
 * <pre>
 * cd nn-backend-nd4j &amp;&amp; mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Dnn4j.nd4j.blasThreads=1 -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      io.github.nn4j.backend.nd4j.AutoencoderEpochTime 12800 3
 * </pre>
 */
public final class AutoencoderEpochTime {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private AutoencoderEpochTime() {
    }

    /** Arguments: number of random images (default 12,800), epochs (default 3). */
    public static void main(String[] args) {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 12_800;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Backend be = Nd4jTestBackends.standard();
        System.out.println(be.description());
        try (Tensor x = be.randomUniform(DType.FLOAT32, Shape.of(images, 784), 0, 1, 5);
             Network net = Network.of(new Dense(be, 784, 128, 1), new ReLU(), new Dense(be, 128, 64, 2), new ReLU(),
                     new Dense(be, 64, 128, 3), new ReLU(), new Dense(be, 128, 784, 4), new Sigmoid());
             Sgd sgd = new Sgd(0.05)) {
            for (int e = 0; e < epochs; e++) {
                long wall = System.nanoTime();
                long cpu = MX.getCurrentThreadCpuTime();
                net.fit(x, x, new MeanSquaredError(), sgd, TrainingConfig.builder(1).batchSize(64).seed(e).build());
                double scale = 60_000.0 / images / 1e9;
                System.out.printf("epoch %d: per 60,000 images %.2f s wall, %.2f s CPU of the training thread%n", e,
                        (System.nanoTime() - wall) * scale, (MX.getCurrentThreadCpuTime() - cpu) * scale);
            }
        }
    }
}
