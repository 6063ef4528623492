package io.github.nn4j.benchmarks.training;

import io.github.nn4j.models.classifier.ClassifierSettings;
import io.github.nn4j.models.classifier.MnistClassifier;
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
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier in DL4J 1.0.0-M2.1: three {@link DenseLayer}s' worth of weights (two hidden with ReLU, a softmax
 * {@link OutputLayer} with multi-class cross-entropy), dropout on the inputs of each layer (DL4J's {@code dropOut(p)}
 * takes the probability of keeping an element and applies to a layer's input, which is where nn4j's dropout layers
 * sit), an L2 penalty, FLOAT32, trained with {@link MultiLayerNetwork#fit(org.nd4j.linalg.dataset.api.DataSet)} once
 * per mini-batch.
 *
 * <p>Differences, each in DL4J's favour or none in the work per step: the pixels are standardized once, up front
 * (nn4j's network does it per batch in its first layer); DL4J has no classical momentum, so it runs Nesterov's (the
 * same element-wise operations, one more axpy); the learning rate is constant (nn4j's cosine factor is one scalar
 * per step); as in the autoencoder benchmark, the mini-batches are cut once, up front, and visited in a fixed order
 * (nn4j's epoch reshuffles and gathers every batch).
 */
final class Dl4jMlpTrainer implements MlpTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(Dl4jMlpTrainer.class);
    private final MultiLayerNetwork model;
    private final List<DataSet> batches = new ArrayList<>();

    Dl4jMlpTrainer(TrainingImages data, int batchSize) {
        ClassifierSettings s = MlpRecipe.SETTINGS;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(s.seed())
                .dataType(DataType.FLOAT)
                .updater(new Nesterovs(s.learningRate(), s.momentum()))
                .l2(s.weightDecay())
                .weightInit(WeightInit.RELU_UNIFORM)
                .list()
                .layer(new DenseLayer.Builder().nIn(data.width()).nOut(MnistClassifier.HIDDEN1)
                        .activation(Activation.RELU).dropOut(1 - s.inputDropout()).build())
                .layer(new DenseLayer.Builder().nIn(MnistClassifier.HIDDEN1).nOut(MnistClassifier.HIDDEN2)
                        .activation(Activation.RELU).dropOut(1 - s.hiddenDropout()).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(MnistClassifier.HIDDEN2)
                        .nOut(MlpRecipe.CLASSES).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER_UNIFORM)
                        .dropOut(1 - s.hiddenDropout()).build())
                .build();
        this.model = new MultiLayerNetwork(conf);
        model.init();
        LOG.info("DL4J threads: {}", Dl4jThreads.apply());
        float[] oneHot = new float[data.count() * MlpRecipe.CLASSES];
        for (int i = 0; i < data.count(); i++) {
            oneHot[i * MlpRecipe.CLASSES + data.labels()[i]] = 1;
        }
        try (INDArray images = Nd4j.create(standardized(data.pixels()), new long[] {data.count(), data.width()}, 'c');
             INDArray targets = Nd4j.create(oneHot, new long[] {data.count(), MlpRecipe.CLASSES}, 'c')) {
            for (int from = 0; from < data.count(); from += batchSize) {
                int to = Math.min(from + batchSize, data.count());
                batches.add(new DataSet(images.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c'),
                        targets.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c')));
            }
        }
    }

    /** The pixels standardized with their mean and standard deviation, as nn4j's first layer does per batch. */
    private static float[] standardized(float[] pixels) {
        double sum = 0;
        double squares = 0;
        for (float p : pixels) {
            sum += p;
            squares += (double) p * p;
        }
        double mean = sum / pixels.length;
        double std = Math.sqrt(squares / pixels.length - mean * mean);
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((pixels[i] - mean) / std);
        }
        return out;
    }

    @Override
    public double epoch() {
        for (int i = 0; i < batches.size(); i++) {
            model.fit(batches.get(i));
        }
        return model.score();
    }

    @Override
    public long parameterCount() {
        return model.numParams();
    }

    @Override
    public void close() {
        model.close();
        for (DataSet ds : batches) {
            ds.getFeatures().close();
            ds.getLabels().close();
        }
        batches.clear();
    }
}
