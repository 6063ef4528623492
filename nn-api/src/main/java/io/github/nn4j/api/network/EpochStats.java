package io.github.nn4j.api.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statistics of one training epoch.
 *
 * @param epoch             1-based epoch number, counted from the start of training (see {@link TrainingConfig#initialEpoch()})
 * @param epochs            the last epoch of this fit ({@link TrainingConfig#epochs()})
 * @param loss              mean training loss over the epoch's samples (each batch's loss measured before its update)
 * @param validationLoss    loss on the validation data after the epoch, or NaN when there is none
 * @param elapsedNanos      wall time of the epoch's training steps (excluding validation)
 * @param samples           training samples seen in the epoch
 * @param validationMetrics the {@linkplain TrainingConfig#validationMetrics() validation metrics} after the epoch, by
 *                          name, in their order; empty without them
 */
public record EpochStats(int epoch, int epochs, double loss, double validationLoss, long elapsedNanos, int samples,
                         Map<String, Double> validationMetrics) {

    /**
     * Copies the metrics, keeping their order.
     *
     * @param epoch             1-based epoch number
     * @param epochs            the last epoch of the fit
     * @param loss              mean training loss
     * @param validationLoss    validation loss, or NaN
     * @param elapsedNanos      wall time of the training steps
     * @param samples           training samples seen
     * @param validationMetrics the validation metrics by name
     */
    public EpochStats {
        validationMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(validationMetrics));
    }

    /**
     * Statistics without validation metrics.
     *
     * @param epoch          1-based epoch number
     * @param epochs         the last epoch of the fit
     * @param loss           mean training loss
     * @param validationLoss validation loss, or NaN
     * @param elapsedNanos   wall time of the training steps
     * @param samples        training samples seen
     */
    public EpochStats(int epoch, int epochs, double loss, double validationLoss, long elapsedNanos, int samples) {
        this(epoch, epochs, loss, validationLoss, elapsedNanos, samples, Map.of());
    }

    /**
     * Training throughput of the epoch.
     *
     * @return samples per second of the training steps
     */
    public double samplesPerSecond() {
        return samples / (elapsedNanos / 1e9);
    }

    /**
     * One validation metric after the epoch.
     *
     * @param name the metric's name
     * @return its value
     * @throws IllegalArgumentException when the metric was not measured
     */
    public double validationMetric(String name) {
        Double v = validationMetrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("epoch " + epoch + " measured no validation metric '" + name
                    + "' (measured: " + validationMetrics.keySet() + ")");
        }
        return v;
    }
}
