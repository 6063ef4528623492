package io.github.nn4j.benchmarks.tools;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
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

/**
 * {@code epoch-time}: how settings affect training. Trains the report's autoencoder shape
 * ({@code 784-128-64-128-784}, ReLU and a sigmoid output, MSE, SGD 0.05) on random images and prints, per epoch,
 * wall time and the training thread's CPU time, both scaled to 60,000 images. Run it in several JVMs with different
 * settings, e.g. {@code -Dnn4j.nd4j.ompThreads} / {@code -Dnn4j.nd4j.blasThreads} or {@code -Dnn4j.pure.threads};
 * wall time is meaningful only on an otherwise idle machine.
 *
 * <pre>
 * Tool epoch-time [--backend NAME] [--images 12800] [--epochs 3] [--batch 64]
 * </pre>
 */
final class EpochTime {
    private static final double IMAGES_PER_EPOCH = 60_000;

    private EpochTime() {
    }

    static void run(Options options) {
        if (options.help()) {
            System.out.println("epoch-time [--backend NAME] [--images 12800] [--epochs 3] [--batch 64]");
            return;
        }
        String name = options.get("backend", null);
        int images = options.getInt("images", 12_800);
        int epochs = options.getInt("epochs", 3);
        int batch = options.getInt("batch", 64);
        options.requireAllRead();
        Backend be = name == null ? Backends.get() : Backends.get(name);
        System.out.println(be.description());
        try (Tensor x = be.randomUniform(DType.FLOAT32, Shape.of(images, 784), 0, 1, 5);
             Network net = Network.of(new Dense(be, 784, 128, 1), new ReLU(), new Dense(be, 128, 64, 2), new ReLU(),
                     new Dense(be, 64, 128, 3), new ReLU(), new Dense(be, 128, 784, 4), new Sigmoid());
             Sgd sgd = new Sgd(0.05)) {
            for (int e = 0; e < epochs; e++) {
                TrainingConfig config = TrainingConfig.builder(1).batchSize(batch).seed(e).build();
                Timing.Elapsed t = Timing.time(() -> net.fit(x, x, new MeanSquaredError(), sgd, config));
                double scale = IMAGES_PER_EPOCH / images;
                System.out.printf("epoch %d: per 60,000 images %.2f s wall, %.2f s CPU of the training thread%n", e,
                        t.wallSeconds() * scale, t.threadCpuSeconds() * scale);
            }
        }
    }
}
