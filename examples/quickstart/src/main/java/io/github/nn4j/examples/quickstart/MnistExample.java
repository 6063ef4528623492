package io.github.nn4j.examples.quickstart;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.optim.Adam;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.tensor.Tensor;
import io.github.nn4j.datasets.LabeledImages;
import io.github.nn4j.datasets.OneHot;
import io.github.nn4j.datasets.mnist.Mnist;
import io.github.nn4j.datasets.mnist.MnistDataset;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A digit classifier (784-64-10) trained on MNIST, saved to a file and loaded back.
 *
 * <p>{@code main [DIR]}: MNIST from DIR, else found or downloaded as {@link MnistDataset#load()} does.
 */
public final class MnistExample {
    /**
     * What a run gives.
     *
     * @param accuracy       the trained network's accuracy on the 10,000 test images
     * @param loadedAccuracy the accuracy of the network loaded back from the file
     * @param seconds        the training time
     */
    public record Result(double accuracy, double loadedAccuracy, double seconds) {
    }

    private MnistExample() {
    }

    /**
     * Trains on the first {@code images} training images, saves the network to {@code modelFile}, loads it back and
     * scores both on the test images.
     *
     * @param be        the backend
     * @param mnist     the data
     * @param images    how many training images to use
     * @param epochs    passes over them
     * @param modelFile where to save the network
     * @return the accuracies and the training time
     * @throws IOException if the model file cannot be written or read
     */
    public static Result run(Backend be, Mnist mnist, int images, int epochs, Path modelFile) throws IOException {
        // README: mnist
        LabeledImages train = mnist.train().head(images);
        LabeledImages test = mnist.test();
        try (Tensor x = train.images(be);                      // [images, 784], pixels in [0, 1]
             Tensor y = train.oneHotLabels(be);                // [images, 10]
             Tensor testX = test.images(be);
             Network net = Network.of(new Dense(be, 784, 64, 1), new ReLU(), new Dense(be, 64, 10, 2), new Sigmoid())) {
            long start = System.nanoTime();
            net.fit(x, y, new MeanSquaredError(), new Adam(0.003),
                    TrainingConfig.builder(epochs).batchSize(32).seed(3).build());
            double seconds = (System.nanoTime() - start) / 1e9;
            ModelFiles.save(net, modelFile);
            try (Network loaded = ModelFiles.load(modelFile, be);
                 Tensor scores = net.predict(testX);
                 Tensor loadedScores = loaded.predict(testX)) {
                return new Result(OneHot.accuracy(scores, test.labels()), OneHot.accuracy(loadedScores, test.labels()),
                        seconds);
            }
        }
        // README: end
    }

    /**
     * Trains for 3 epochs on all 60,000 training images and prints the test accuracy.
     *
     * @param args an optional MNIST directory
     * @throws IOException if MNIST cannot be found or read, or the model file written
     */
    public static void main(String[] args) throws IOException {
        Mnist mnist = args.length > 0 ? MnistDataset.load(Path.of(args[0])) : MnistDataset.load();
        Backend be = Backends.get();
        Result r = run(be, mnist, mnist.train().count(), 3, Path.of("mnist-classifier.safetensors"));
        System.out.printf("%s: test accuracy %.4f (loaded from the file: %.4f), trained in %.1f s%n", be.name(),
                r.accuracy(), r.loadedAccuracy(), r.seconds());
    }
}
