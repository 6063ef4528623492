package io.github.nn4j.spark;

import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.network.Network;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * What parameter averaging averages, in one fixed order that the driver and every executor agree on: each parameter
 * of the network, each followed by the optimizer's state tensors for it ({@link Optimizer#stateNames()} order).
 */
final class TrainingState {
    private TrainingState() {
    }

    /** The live tensors of {@code network}'s parameters and {@code optimizer}'s state (created as zeros if absent). */
    static List<Tensor> tensors(Network network, Optimizer optimizer) {
        List<String> names = optimizer.stateNames();
        List<Tensor> out = new ArrayList<>(network.parameters().size() * (1 + names.size()));
        for (Parameter p : network.parameters()) {
            out.add(p.value());
            for (String name : names) {
                out.add(optimizer.state(p, name));
            }
        }
        return out;
    }

    /** The number of values in {@link #tensors}. */
    static int size(List<Tensor> tensors) {
        long n = 0;
        for (Tensor t : tensors) {
            n += t.size();
        }
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("parameter averaging holds the parameters and optimizer state in one"
                    + " Java array: " + n + " values are too many");
        }
        return (int) n;
    }
}
