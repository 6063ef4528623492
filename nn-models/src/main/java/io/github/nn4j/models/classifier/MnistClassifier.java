package io.github.nn4j.models.classifier;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Dropout;
import io.github.nn4j.api.layer.Normalization;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.WeightInit;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.optim.LearningRateSchedule;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.tensor.DType;

/**
 * The classifier's network and optimizer: {@code inputs → 256 → 128 → classes}, the inputs standardized by a first
 * {@link Normalization} layer (so the saved model takes pixels in [0, 1]), ReLU after each hidden layer, dropout on
 * the inputs and after each hidden ReLU, He-uniform weights (Xavier for the output layer); the outputs are logits,
 * trained with {@link io.github.nn4j.api.loss.SoftmaxCrossEntropy} (append a
 * {@link io.github.nn4j.api.layer.Softmax} for probabilities). FLOAT32. A seed gives the same network on every
 * backend: layer {@code i} (counted after the normalization) draws its weights, or its dropout masks, with
 * {@code seed + i}.
 */
public final class MnistClassifier {
    /** Width of the first hidden layer. */
    public static final int HIDDEN1 = 256;
    /** Width of the second hidden layer. */
    public static final int HIDDEN2 = 128;

    private MnistClassifier() {
    }

    /**
     * A new, untrained network.
     *
     * @param backend       where it computes
     * @param inputs        pixels per image
     * @param classes       classes (outputs)
     * @param settings      the dropout rates and the seed
     * @param normalization the inputs' standardization, {@link Normalization#fitTo} the training images
     * @return the network: Normalization, Dropout, Dense, ReLU, Dropout, Dense, ReLU, Dropout, Dense
     */
    public static Network network(Backend backend, int inputs, int classes, ClassifierSettings settings,
                                  Normalization normalization) {
        long seed = settings.seed();
        return Network.of(normalization,
                new Dropout(settings.inputDropout(), seed),
                new Dense(backend, DType.FLOAT32, inputs, HIDDEN1, WeightInit.HE_UNIFORM, seed + 1), new ReLU(),
                new Dropout(settings.hiddenDropout(), seed + 3),
                new Dense(backend, DType.FLOAT32, HIDDEN1, HIDDEN2, WeightInit.HE_UNIFORM, seed + 4), new ReLU(),
                new Dropout(settings.hiddenDropout(), seed + 6),
                new Dense(backend, DType.FLOAT32, HIDDEN2, classes, WeightInit.XAVIER_UNIFORM, seed + 7));
    }

    /**
     * The optimizer: SGD with momentum and weight decay, the learning rate on a cosine schedule from its base to 0
     * over all {@code settings.epochs()} epochs.
     *
     * @param settings       the learning rate, momentum, weight decay and epochs
     * @param batchesPerEpoch optimizer steps per epoch
     * @return a new optimizer
     */
    public static Sgd optimizer(ClassifierSettings settings, int batchesPerEpoch) {
        return Sgd.builder(settings.learningRate()).momentum(settings.momentum()).weightDecay(settings.weightDecay())
                .schedule(LearningRateSchedule.cosine((long) settings.epochs() * batchesPerEpoch)).build();
    }
}
