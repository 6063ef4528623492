package io.github.nn4j.examples.quickstart;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.backend.Backends;
import io.github.nn4j.api.layer.Dense;
import io.github.nn4j.api.layer.Sigmoid;
import io.github.nn4j.api.layer.Tanh;
import io.github.nn4j.api.loss.MeanSquaredError;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.network.TrainingConfig;
import io.github.nn4j.api.network.TrainingHistory;
import io.github.nn4j.api.optim.Sgd;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Tensor;
import java.util.Arrays;

/** A 2-4-1 network learns XOR. */
public final class XorExample {
    public static void main(String[] args) {
        Backend be = Backends.get();                       // or Backends.get("pure"), or -Dnn4j.backend=pure
        try (Tensor x = be.fromMatrix(DType.FLOAT32, new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
             Tensor y = be.fromMatrix(DType.FLOAT32, new double[][] {{0}, {1}, {1}, {0}});
             Network net = Network.of(new Dense(be, 2, 4, 42), new Tanh(), new Dense(be, 4, 1, 43), new Sigmoid())) {
            TrainingHistory h = net.fit(x, y, new MeanSquaredError(), new Sgd(0.5),
                    TrainingConfig.builder(20_000).build());   // full batch; .batchSize(64).seed(1) for mini-batches
            try (Tensor p = net.predict(x)) {
                System.out.println(be.name() + ": " + Arrays.toString(p.toFloatArray()) + " loss " + h.finalLoss());
            }
        }
    }
}
