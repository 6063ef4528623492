package io.github.nn4j.models.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MnistAutoencoderTest {
    private static final int N = 64;
    private static final int D = 16;
    private final Backend be = Backends.get("pure");

    private Tensor images(long seed) {
        // Smooth-ish patterns in [0, 1]: random blends of two fixed ramps, so there is structure to learn.
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] x = new float[N * D];
        for (int i = 0; i < N; i++) {
            double a = r.nextDouble();
            for (int p = 0; p < D; p++) {
                x[i * D + p] = (float) (a * p / (D - 1) + (1 - a) * (D - 1 - p) / (D - 1));
            }
        }
        return be.fromArray(x, Shape.matrix(N, D));
    }

    @Test
    void theStandardNetworkIsTheReportsAndTheEncoderIsItsFirstHalf() {
        try (MnistAutoencoder ae = MnistAutoencoder.standard(be, 1)) {
            assertThat(ae.network().layers()).hasSize(8);
            assertThat(ae.network().layers().toString())
                    .isEqualTo("[Dense(784→128), ReLU, Dense(128→64), ReLU, Dense(64→128), ReLU, Dense(128→784), Sigmoid]");
            assertThat(ae.encoder().layers()).containsExactlyElementsOf(ae.network().layers().subList(0, 4));
            assertThat(ae.decoder().layers()).containsExactlyElementsOf(ae.network().layers().subList(4, 8));
            assertThat(ae.network().parameterCount())
                    .isEqualTo(784L * 128 + 128 + 128 * 64 + 64 + 64 * 128 + 128 + 128 * 784 + 784);
        }
    }

    @Test
    void trainingLowersTheLossAndChangesTheEncoderThatSharesTheWeights() {
        try (Tensor x = images(3); MnistAutoencoder ae = new MnistAutoencoder(be, D, 8, 4, 5)) {
            float[] before;
            try (Tensor code = ae.encode(x)) {
                assertThat(code.shape()).isEqualTo(Shape.matrix(N, 4));
                before = code.toFloatArray();
            }

            TrainingHistory h = ae.train(x, 0.05, TrainingConfig.builder(30).batchSize(8).seed(1).build());

            double[] losses = h.losses();
            assertThat(losses[losses.length - 1]).isLessThan(0.5 * losses[0]);
            try (Tensor code = ae.encode(x)) {
                float[] after = code.toFloatArray();
                assertThat(after).isNotEqualTo(before);
                for (float v : after) {
                    assertThat(v).isGreaterThanOrEqualTo(0f); // the latent code comes out of a ReLU
                }
            }
        }
    }

    @Test
    void reconstructionErrorIsThePerImageSumAndItsPerPixelMean() {
        try (Tensor x = images(4); MnistAutoencoder ae = new MnistAutoencoder(be, D, 8, 4, 6);
                Tensor r = ae.reconstruct(x)) {
            float[] xs = x.toFloatArray();
            float[] rs = r.toFloatArray();
            double sum = 0;
            for (int i = 0; i < xs.length; i++) {
                sum += (rs[i] - xs[i]) * (double) (rs[i] - xs[i]);
            }

            ReconstructionError e = ae.reconstructionError(x);

            assertThat(e.perImageSum()).isCloseTo(sum / N, within(1e-4 * sum / N));
            assertThat(e.perPixelMean()).isCloseTo(sum / (N * D), within(1e-4 * sum / (N * D)));
            assertThat(e.images()).isEqualTo(N);
            assertThat(e.pixels()).isEqualTo(D);
        }
    }
}
