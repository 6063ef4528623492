package io.github.nn4j.api.network;

import io.github.nn4j.api.layer.Parameter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watches one {@link Network#fit} for the failures a finite loss hides (see {@link TrainingWarning.Kind}). After
 * every epoch it reads the largest parameter magnitude and the root mean square of the last batch's gradients,
 * a few reductions per parameter tensor, and raises each kind of warning at most once.
 */
final class TrainingMonitor {
    /** Epochs without improvement of the training loss, with vanished gradients, that count as a stall. */
    static final int STALL_EPOCHS = 10;
    /** Root mean square of all gradients below which they count as vanished. */
    static final double VANISHED_GRADIENT = 1e-8;
    /** Relative decrease of the training loss that counts as an improvement. */
    static final double IMPROVEMENT = 1e-7;

    private final List<Parameter> parameters;
    private final double weightLimit;
    private final Set<TrainingWarning.Kind> raised = EnumSet.noneOf(TrainingWarning.Kind.class);
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int epochsWithoutImprovement;

    TrainingMonitor(List<Parameter> parameters, double weightLimit) {
        this.parameters = parameters;
        this.weightLimit = weightLimit;
    }

    /**
     * Checks the state after {@code epoch}; hands each new warning to {@code sink}. {@code validationLoss} is read
     * only when {@code validated} (there is validation data).
     */
    void afterEpoch(int epoch, double loss, boolean validated, double validationLoss, Consumer<TrainingWarning> sink) {
        if (loss < bestLoss * (1 - IMPROVEMENT)) {
            bestLoss = loss;
            epochsWithoutImprovement = 0;
        } else {
            epochsWithoutImprovement++;
        }
        if (!raised.contains(TrainingWarning.Kind.WEIGHTS_EXPLODING)) {
            double largest = largestMagnitude();
            if (largest > weightLimit) {
                raise(sink, new TrainingWarning(epoch, TrainingWarning.Kind.WEIGHTS_EXPLODING, String.format(
                        "a parameter has magnitude %.4g, beyond the limit %.4g; the learning rate is probably too "
                                + "large (training loss %.6g)", largest, weightLimit, loss)));
            }
        }
        if (!raised.contains(TrainingWarning.Kind.STALLED) && epochsWithoutImprovement >= STALL_EPOCHS) {
            double rms = gradientRms();
            if (rms < VANISHED_GRADIENT) {
                raise(sink, new TrainingWarning(epoch, TrainingWarning.Kind.STALLED, String.format(
                        "training has stalled: the loss (%.6g) has not improved for %d epochs and the gradients have "
                                + "vanished (root mean square %.3g); units are saturated or dead, often after a too "
                                + "large learning rate", loss, epochsWithoutImprovement, rms)));
            }
        }
        if (validated && !Double.isFinite(validationLoss)
                && !raised.contains(TrainingWarning.Kind.VALIDATION_NOT_FINITE)) {
            raise(sink, new TrainingWarning(epoch, TrainingWarning.Kind.VALIDATION_NOT_FINITE,
                    "the validation loss is " + validationLoss + " (NaN or infinite) although the training loss is "
                            + loss + "; check the validation data for NaN or infinite values"));
        }
    }

    private void raise(Consumer<TrainingWarning> sink, TrainingWarning warning) {
        raised.add(warning.kind());
        sink.accept(warning);
    }

    private double largestMagnitude() {
        double largest = 0;
        for (int i = 0; i < parameters.size(); i++) {
            var value = parameters.get(i).value();
            largest = Math.max(largest, Math.max(value.max(), -value.min()));
        }
        return largest;
    }

    private double gradientRms() {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < parameters.size(); i++) {
            var gradient = parameters.get(i).gradient();
            sum += gradient.sumOfSquares();
            count += gradient.size();
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }
}
