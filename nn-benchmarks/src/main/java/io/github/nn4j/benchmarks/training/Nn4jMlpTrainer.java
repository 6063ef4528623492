package io.github.nn4j.benchmarks.training;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Normalization;
import io.github.nn4j.api.loss.SoftmaxCrossEntropy;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.models.classifier.MnistClassifier;

/**
 * The classifier on an nn4j backend: the app's own {@link MnistClassifier} network and optimizer, trained with
 * {@link Network#fit} one epoch at a time (reshuffled, batches gathered into reused buffers, dropout masks drawn), as
 * the app trains it, without the validation pass.
 */
final class Nn4jMlpTrainer implements MlpTrainer {
    private final Network network;
    private final Sgd sgd;
    private final Tensor images;
    private final Tensor labels;
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    private final int batchSize;
    private int epochs;

    Nn4jMlpTrainer(Backend backend, TrainingImages data, int batchSize) {
        this.images = backend.fromArray(data.pixels(), Shape.matrix(data.count(), data.width()));
        this.network = MnistClassifier.network(backend, data.width(), MlpRecipe.CLASSES, MlpRecipe.SETTINGS,
                Normalization.fitTo(images));
        this.sgd = MnistClassifier.optimizer(MlpRecipe.SETTINGS, (data.count() + batchSize - 1) / batchSize);
        double[] column = new double[data.count()];
        for (int i = 0; i < column.length; i++) {
            column[i] = data.labels()[i];
        }
        this.labels = backend.fromArray(DType.FLOAT32, column, Shape.matrix(data.count(), 1));
        this.batchSize = batchSize;
    }

    @Override
    public double epoch() {
        // epoch k of one continuing run: its own shuffle and its own dropout masks, the schedule where it stands
        epochs++;
        TrainingConfig config = TrainingConfig.builder(epochs).initialEpoch(epochs - 1).batchSize(batchSize)
                .seed(MlpRecipe.SETTINGS.seed()).build();
        return network.fit(images, labels, loss, sgd, config).finalLoss();
    }

    @Override
    public long parameterCount() {
        return network.parameterCount();
    }

    @Override
    public void close() {
        images.close();
        labels.close();
        sgd.close();
        network.close();
    }
}
