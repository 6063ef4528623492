package io.github.nn4j.api.persist;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.tensor.ReusableBuffer;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;

/** A third-party layer for the tests: {@code y = x + shift}, with a learned {@code shift} of shape {@code [1, features]}. */
public final class ShiftLayer implements Layer {
    private final Parameter shift;
    private final ReusableBuffer output = new ReusableBuffer();
    private final ReusableBuffer inputGradient = new ReusableBuffer();

    /** A layer shifting by {@code shift} (owned from now on). */
    public ShiftLayer(Tensor shift) {
        this.shift = new Parameter("shift", shift);
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        Backend be = input.backend();
        Tensor y = output.get(be, input.dtype(), input.shape());
        be.addRowVector(input, shift.value(), y);
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
        Backend be = gradOutput.backend();
        be.sumAlong(0, gradOutput, shift.gradient());
        if (!needInputGradient) {
            return null;
        }
        Tensor dx = inputGradient.get(be, gradOutput.dtype(), gradOutput.shape());
        be.copy(gradOutput, dx);
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(shift);
    }

    @Override
    public void close() {
        output.close();
        inputGradient.close();
        shift.close();
    }

    @Override
    public String toString() {
        return "Shift(" + shift.value().cols() + ")";
    }
}
