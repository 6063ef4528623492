package io.github.nn4j.models.xor;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.network.TrainingListener;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;

/**
 * The report's XOR experiment: {@code Dense(2,4) → Tanh → Dense(4,1) → Sigmoid}, Xavier-uniform weights,
 * MSE loss, SGD with learning rate 0.5, full-batch training on the four XOR points for 20,000 epochs.
 * Stateless; {@link #run} may be called from several threads with different backends.
 */
public final class XorExperiment {
    /** The four inputs, in the order of {@link #TARGETS}. */
    public static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    /** XOR of each input. */
    public static final double[][] TARGETS = {{0}, {1}, {1}, {0}};

    private XorExperiment() {
    }

    /**
     * Settings of one run.
     *
     * @param epochs       full-batch epochs (the report: 20,000)
     * @param learningRate SGD learning rate (the report: 0.5)
     * @param seed         seed of the first layer's weights (the second uses {@code seed + 1})
     */
    public record Config(int epochs, double learningRate, long seed) {
        /** The report's settings with the given seed. */
        public static Config report(long seed) {
            return new Config(20_000, 0.5, seed);
        }
    }

    /**
     * The outcome of a run.
     *
     * @param predictions     the network's output for each of the four inputs
     * @param thresholded     predictions rounded at 0.5
     * @param history         per-epoch losses and times
     * @param backend         the backend's name
     */
    public record Result(double[] predictions, int[] thresholded, TrainingHistory history, String backend) {
        /** Whether the thresholded predictions equal XOR (0, 1, 1, 0). */
        public boolean solved() {
            return thresholded[0] == 0 && thresholded[1] == 1 && thresholded[2] == 1 && thresholded[3] == 0;
        }

        /** MSE after the last epoch's update, as measured during that epoch. */
        public double finalLoss() {
            return history.finalLoss();
        }
    }

    /** Trains a fresh network on {@code backend} and evaluates it on the four points. */
    public static Result run(Backend backend, Config config, TrainingListener listener) {
        try (Tensor x = backend.fromMatrix(DType.FLOAT32, INPUTS);
             Tensor y = backend.fromMatrix(DType.FLOAT32, TARGETS);
             Network net = Network.of(new Dense(backend, 2, 4, config.seed()), new Tanh(),
                     new Dense(backend, 4, 1, config.seed() + 1), new Sigmoid());
             Sgd sgd = new Sgd(config.learningRate())) {
            TrainingConfig.Builder training = TrainingConfig.builder(config.epochs());
            if (listener != null) {
                training.listener(listener);
            }
            TrainingHistory history = net.fit(x, y, new MeanSquaredError(), sgd, training.build());
            double[] p;
            try (Tensor out = net.predict(x)) {
                p = out.toDoubleArray();
            }
            int[] t = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                t[i] = p[i] >= 0.5 ? 1 : 0;
            }
            return new Result(p, t, history, backend.name());
        }
    }
}
