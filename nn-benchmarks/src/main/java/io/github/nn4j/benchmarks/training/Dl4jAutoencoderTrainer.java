package io.github.nn4j.benchmarks.training;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autoencoder in DL4J 1.0.0-M2.1: a {@link MultiLayerNetwork} of three {@link DenseLayer}s and an MSE
 * {@link OutputLayer}, FLOAT32, trained with {@link MultiLayerNetwork#fit(org.nd4j.linalg.dataset.api.DataSet)}
 * once per mini-batch.
 *
 * <p>To give DL4J its best case, the mini-batches are cut once, up front, into contiguous arrays, and an epoch
 * visits them in a fixed order (no shuffling, no copying per batch; nn4j's epoch reshuffles and gathers every
 * batch). DL4J's MSE averages over the 784 outputs as well as over the batch, so its gradients are 1/784 of
 * nn4j's: the same work, a different learning-rate scale — irrelevant for timing.
 */
final class Dl4jAutoencoderTrainer implements AutoencoderTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(Dl4jAutoencoderTrainer.class);
    private final MultiLayerNetwork model;
    private final List<DataSet> batches = new ArrayList<>();

    Dl4jAutoencoderTrainer(TrainingImages data, int batchSize) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(AutoencoderRecipe.SEED)
                .dataType(DataType.FLOAT)
                .updater(new Sgd(AutoencoderRecipe.LEARNING_RATE))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .list()
                .layer(new DenseLayer.Builder().nIn(AutoencoderRecipe.INPUTS).nOut(AutoencoderRecipe.HIDDEN)
                        .activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(AutoencoderRecipe.HIDDEN).nOut(AutoencoderRecipe.LATENT)
                        .activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(AutoencoderRecipe.LATENT).nOut(AutoencoderRecipe.HIDDEN)
                        .activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(AutoencoderRecipe.HIDDEN)
                        .nOut(AutoencoderRecipe.INPUTS).activation(Activation.SIGMOID).build())
                .build();
        this.model = new MultiLayerNetwork(conf);
        model.init();
        LOG.info("DL4J threads: {}", Dl4jThreads.apply());
        try (INDArray images = Nd4j.create(data.pixels(), new long[] {data.count(), data.width()}, 'c')) {
            for (int from = 0; from < data.count(); from += batchSize) {
                int to = Math.min(from + batchSize, data.count());
                INDArray x = images.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c');
                batches.add(new DataSet(x, x));
            }
        }
    }

    @Override
    public double step() {
        model.fit(batches.get(0));
        return model.score();
    }

    @Override
    public void epoch() {
        for (int i = 0; i < batches.size(); i++) {
            model.fit(batches.get(i));
        }
    }

    /** Number of trainable scalars. */
    long parameterCount() {
        return model.numParams();
    }

    /** The number of images in each pre-cut batch, in order. */
    List<Long> batchSizes() {
        List<Long> sizes = new ArrayList<>();
        for (DataSet ds : batches) {
            sizes.add(ds.getFeatures().size(0));
        }
        return sizes;
    }

    @Override
    public void close() {
        model.close();
        for (DataSet ds : batches) {
            ds.getFeatures().close();
        }
        batches.clear();
    }
}
