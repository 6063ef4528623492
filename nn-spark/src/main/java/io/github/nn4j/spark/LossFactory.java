package io.github.nn4j.spark;

import io.github.nn4j.api.loss.Loss;
import java.io.Serializable;

/**
 * Makes the loss each partition trains with: a loss keeps buffers and is not serializable, so executors build their
 * own, e.g. {@code MeanSquaredError::new} or {@code MeanSquaredError::perElement}. The factory travels to every
 * task, so it must be serializable (a method reference or lambda assigned to this type is, if what it captures is).
 */
@FunctionalInterface
public interface LossFactory extends Serializable {

    /** A new loss, the same function every time. */
    Loss create();
}
