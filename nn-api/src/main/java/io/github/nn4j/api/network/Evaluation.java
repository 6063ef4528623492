package io.github.nn4j.api.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Network#evaluate(io.github.nn4j.api.tensor.Tensor, io.github.nn4j.api.tensor.Tensor,
 * io.github.nn4j.api.loss.Loss, int, java.util.List)} measured on a dataset. Immutable.
 *
 * @param loss    the mean loss per sample (each batch's loss weighted by its size)
 * @param samples the samples evaluated
 * @param metrics each metric's value by its name, in the order the metrics were given
 */
public record Evaluation(double loss, int samples, Map<String, Double> metrics) {

    /**
     * Copies the metrics, keeping their order.
     *
     * @param loss    the mean loss per sample
     * @param samples the samples evaluated
     * @param metrics each metric's value by its name
     */
    public Evaluation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * One metric's value.
     *
     * @param name the metric's {@link io.github.nn4j.api.metric.Metric#name()}
     * @return its value
     * @throws IllegalArgumentException when no metric of that name was evaluated
     */
    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + name + "' was evaluated (evaluated: " + metrics.keySet()
                    + ")");
        }
        return v;
    }
}
