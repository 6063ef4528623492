package io.github.nn4j.benchmarks.training;

import io.github.nn4j.models.classifier.ClassifierSettings;

/**
 * The app's MNIST classifier, which every {@link MlpTrainer} builds the same way: 784 → 256 → 128 → 10, ReLU after each
 * hidden layer, dropout on the inputs and after each hidden ReLU, softmax cross-entropy on the logits, SGD with
 * momentum and an L2 penalty, mini-batches of {@link ClassifierSettings#STANDARD_BATCH_SIZE}, FLOAT32 (for nn4j: the
 * app's {@link io.github.nn4j.models.classifier.MnistClassifier} with {@link ClassifierSettings#standard}).
 */
public final class MlpRecipe {
    /** The app's settings, seeded. */
    public static final ClassifierSettings SETTINGS = ClassifierSettings.standard(AutoencoderRecipe.SEED);
    /** Classes (output width). */
    public static final int CLASSES = 10;

    private MlpRecipe() {
    }
}
