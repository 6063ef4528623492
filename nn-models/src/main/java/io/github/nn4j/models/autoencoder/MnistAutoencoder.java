package io.github.nn4j.models.autoencoder;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.ReLU;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.persist.Config;
import io.github.nn4j.api.persist.ModelFiles;
import io.github.nn4j.api.persist.ModelFormatException;
import io.github.nn4j.api.persist.ModelInfo;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;

/**
 * A symmetric fully connected autoencoder {@code inputs → hidden → latent → hidden → inputs} with ReLU after
 * each hidden layer and a sigmoid output, trained with squared error (summed over pixels, averaged over the
 * batch) and plain SGD. The report's network is {@link #standard}: 784 → 128 → 64 → 128 → 784.
 *
 * <p>The {@link #encoder()} (the first two Dense layers with their ReLUs) is a {@link Network} of its own that
 * shares the trained weights, so it can turn images into latent codes without the decoder. The autoencoder
 * owns its layers; close it when done (the encoder and decoder become unusable then). Not thread-safe.
 */
public final class MnistAutoencoder implements AutoCloseable {
    /** Pixels of an MNIST image. */
    public static final int MNIST_PIXELS = 28 * 28;

    private final int inputs;
    private final int hidden;
    private final int latent;
    private final Network network;
    private final Network encoder;
    private final Network decoder;

    /**
     * A new, untrained autoencoder with Xavier-uniform weights; layer {@code i} draws its weights with seed
     * {@code seed + i}, so a seed gives the same network on every backend.
     */
    public MnistAutoencoder(Backend backend, int inputs, int hidden, int latent, long seed) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.latent = latent;
        List<Layer> layers = List.of(
                new Dense(backend, inputs, hidden, seed), new ReLU(),
                new Dense(backend, hidden, latent, seed + 1), new ReLU(),
                new Dense(backend, latent, hidden, seed + 2), new ReLU(),
                new Dense(backend, hidden, inputs, seed + 3), new Sigmoid());
        this.network = Network.of(layers);
        this.encoder = network.slice(0, 4);
        this.decoder = network.slice(4, 8);
    }

    private MnistAutoencoder(Network network, int[] widths) {
        this.inputs = widths[0];
        this.hidden = widths[1];
        this.latent = widths[2];
        this.network = network;
        this.encoder = network.slice(0, 4);
        this.decoder = network.slice(4, 8);
    }

    /**
     * The autoencoder saved in {@code model}, on {@code backend}.
     *
     * @throws ModelFormatException when the file is damaged or does not hold an autoencoder of this shape
     */
    public static MnistAutoencoder load(AutoencoderModel model, Backend backend) throws ModelFormatException {
        String name = model.loadedFrom() == null ? ModelFiles.UNNAMED : model.loadedFrom().toString();
        int[] widths = architecture(ModelFiles.inspect(model.bytes(), name));
        return new MnistAutoencoder(ModelFiles.fromBytes(model.bytes(), backend, name), widths);
    }

    /**
     * The widths {@code [inputs, hidden, latent]} of the autoencoder a model file describes: layers Dense(i→h), ReLU,
     * Dense(h→l), ReLU, Dense(l→h), ReLU, Dense(h→i), Sigmoid.
     *
     * @throws ModelFormatException naming the file and what differs
     */
    static int[] architecture(ModelInfo info) throws ModelFormatException {
        List<String> expected = List.of("Dense", "ReLU", "Dense", "ReLU", "Dense", "ReLU", "Dense", "Sigmoid");
        List<String> types = info.layers().stream().map(ModelInfo.Layer::type).toList();
        if (!types.equals(expected)) {
            throw new ModelFormatException(info.source(), "not an autoencoder of this app: its layers are " + types
                    + ", expected " + expected);
        }
        Config first = info.layers().get(0).config();
        int i = first.getInt("inputs");
        int h = first.getInt("outputs");
        int l = info.layers().get(2).config().getInt("outputs");
        int[][] chain = {{i, h}, {h, l}, {l, h}, {h, i}};
        for (int k = 0; k < 4; k++) {
            Config c = info.layers().get(2 * k).config();
            if (c.getInt("inputs") != chain[k][0] || c.getInt("outputs") != chain[k][1]) {
                throw new ModelFormatException(info.source(), "not a symmetric autoencoder: layer " + 2 * k + " is Dense "
                        + c + ", expected " + chain[k][0] + " → " + chain[k][1]);
            }
        }
        if (i != MNIST_PIXELS) {
            throw new ModelFormatException(info.source(), "an autoencoder of " + i + " inputs; MNIST images have "
                    + MNIST_PIXELS + " pixels");
        }
        return new int[] {i, h, l};
    }

    /** The report's network: 784 → 128 → 64 → 128 → 784. */
    public static MnistAutoencoder standard(Backend backend, long seed) {
        return new MnistAutoencoder(backend, MNIST_PIXELS, 128, 64, seed);
    }

    /** Input (and output) width. */
    public int inputs() {
        return inputs;
    }

    /** Width of the hidden layers. */
    public int hidden() {
        return hidden;
    }

    /** Width of the latent code. */
    public int latent() {
        return latent;
    }

    /** The whole network, input to reconstruction. */
    public Network network() {
        return network;
    }

    /** Input to latent code ({@code Dense, ReLU, Dense, ReLU}), sharing this autoencoder's layers. */
    public Network encoder() {
        return encoder;
    }

    /** Latent code to reconstruction ({@code Dense, ReLU, Dense, Sigmoid}), sharing this autoencoder's layers. */
    public Network decoder() {
        return decoder;
    }

    /**
     * Trains to reproduce {@code images} ({@code [n, inputs]}, values in [0, 1]) with SGD at
     * {@code learningRate}; epochs, batch size, seed and listeners come from {@code config}.
     */
    public TrainingHistory train(Tensor images, double learningRate, TrainingConfig config) {
        try (Sgd sgd = new Sgd(learningRate)) {
            return network.fit(images, images, new MeanSquaredError(), sgd, config);
        }
    }

    /** The latent codes {@code [n, latent]} of {@code images}, owned by the caller. */
    public Tensor encode(Tensor images) {
        return encoder.predict(images);
    }

    /** The reconstructions {@code [n, inputs]} of {@code images}, owned by the caller. */
    public Tensor reconstruct(Tensor images) {
        return network.predict(images);
    }

    /** The reconstruction error on {@code images}, in both conventions. */
    public ReconstructionError reconstructionError(Tensor images) {
        double perImage = network.evaluate(images, images, new MeanSquaredError(), 1000);
        return ReconstructionError.fromPerImageSum(perImage, inputs, images.shape().dim(0));
    }

    @Override
    public void close() {
        encoder.close();
        decoder.close();
        network.close();
    }

    @Override
    public String toString() {
        return "MnistAutoencoder(" + inputs + " → " + hidden + " → " + latent + " → " + hidden + " → " + inputs + ")";
    }
}
