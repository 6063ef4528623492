package io.github.nn4j.benchmarks.training;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.models.autoencoder.MnistAutoencoder;

/**
 * The autoencoder on an nn4j backend: the app's own {@link MnistAutoencoder}, whose {@link Network} is trained
 * with {@link Network#trainStep} (one step) or {@link Network#fit} (one epoch, reshuffled, batches gathered into
 * reused buffers — as the app trains).
 * Loss: squared error summed over the pixels and averaged over the batch (the report's definition).
 */
final class Nn4jAutoencoderTrainer implements AutoencoderTrainer {
    private final MnistAutoencoder autoencoder;
    private final Network network;
    private final Tensor images;
    private final Tensor firstBatch;
    private final MeanSquaredError loss = new MeanSquaredError();
    private final Sgd sgd = new Sgd(AutoencoderRecipe.LEARNING_RATE);
    private final TrainingConfig oneEpoch;

    Nn4jAutoencoderTrainer(Backend backend, TrainingImages data, int batchSize) {
        this.autoencoder = new MnistAutoencoder(backend, AutoencoderRecipe.INPUTS, AutoencoderRecipe.HIDDEN,
                AutoencoderRecipe.LATENT, AutoencoderRecipe.SEED);
        this.network = autoencoder.network();
        this.images = backend.fromArray(data.pixels(), Shape.matrix(data.count(), data.width()));
        if (batchSize == data.count()) {
            this.firstBatch = images;
        } else {
            this.firstBatch = backend.zeros(images.dtype(), Shape.matrix(batchSize, data.width()));
            backend.copyRows(images, 0, firstBatch, 0, batchSize);
        }
        this.oneEpoch = TrainingConfig.builder(1).batchSize(batchSize).shuffle(true).seed(AutoencoderRecipe.SEED)
                .build();
    }

    @Override
    public double step() {
        return network.trainStep(firstBatch, firstBatch, loss, sgd);
    }

    @Override
    public void epoch() {
        network.fit(images, images, loss, sgd, oneEpoch);
    }

    /** Number of trainable scalars. */
    long parameterCount() {
        return network.parameterCount();
    }

    @Override
    public void close() {
        if (firstBatch != images) {
            firstBatch.close();
        }
        images.close();
        sgd.close();
        autoencoder.close();
    }
}
