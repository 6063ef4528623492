package io.github.nn4j.api.layer;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.ReusableBuffer;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.List;
import java.util.Optional;

/**
 * Fully connected layer {@code y = x · W + b}, with {@code x} of shape {@code [batch, inputs]}, weights
 * {@code W} of shape {@code [inputs, outputs]}, bias {@code b} of shape {@code [1, outputs]} and {@code y} of
 * shape {@code [batch, outputs]}.
 *
 * <p>Backward: {@code dW = xᵀ · dy}, {@code db = column sums of dy}, {@code dx = dy · Wᵀ}, each one GEMM or
 * reduction kernel with transpose flags (no transposed copies). Weights start from {@link WeightInit}
 * (Xavier uniform by default) drawn with an explicit seed, so the same seed gives the same layer on every
 * backend. Not thread-safe; {@link #inferenceReplica()} serves concurrent inference.
 */
public final class Dense implements Layer {
    private final int inputs;
    private final int outputs;
    private final Parameter weight;
    private final Parameter bias;
    private final ReusableBuffer output = new ReusableBuffer();
    private final ReusableBuffer inputGradient = new ReusableBuffer();
    /** False for an {@linkplain #inferenceReplica() inference replica}, which shares its parameters. */
    private final boolean ownsParameters;
    private Tensor lastInput;

    /**
     * A FLOAT32 layer with Xavier-uniform weights drawn with {@code seed}.
     *
     * @param backend the backend of the parameters
     * @param inputs the number of input features
     * @param outputs the number of output features
     * @param seed the seed of the initial weights: the same seed gives the same weights on every backend
     */
    public Dense(Backend backend, int inputs, int outputs, long seed) {
        this(backend, DType.FLOAT32, inputs, outputs, WeightInit.XAVIER_UNIFORM, seed);
    }

    /**
     * A layer of the given dtype and initialisation, weights drawn with {@code seed}.
     *
     * @param backend the backend of the parameters
     * @param dtype the element type of the parameters
     * @param inputs the number of input features
     * @param outputs the number of output features
     * @param init how the initial weights are drawn
     * @param seed the seed of the initial weights: the same seed gives the same weights on every backend
     */
    public Dense(Backend backend, DType dtype, int inputs, int outputs, WeightInit init, long seed) {
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("Dense: inputs and outputs must be positive, got " + inputs + " and "
                    + outputs);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        Shape ws = Shape.matrix(inputs, outputs);
        double scale = init.scale(inputs, outputs);
        Tensor w = init.isUniform()
                ? backend.randomUniform(dtype, ws, -scale, scale, seed)
                : backend.randomNormal(dtype, ws, 0.0, scale, seed);
        String name = "dense[" + inputs + "x" + outputs + "]";
        this.weight = new Parameter(name + ".weight", w);
        this.bias = new Parameter(name + ".bias", backend.zeros(dtype, Shape.matrix(1, outputs)));
        this.ownsParameters = true;
    }

    /**
     * A layer with the given values (for example trained elsewhere, or read from a file), taking ownership of
     * both tensors: {@code weight} {@code [inputs, outputs]} and {@code bias} {@code [1, outputs]}, on one backend,
     * of one dtype.
     *
     * @param weight the weights {@code [inputs, outputs]}
     * @param bias the bias {@code [1, outputs]}
     */
    public Dense(Tensor weight, Tensor bias) {
        if (weight.rank() != 2 || bias.rank() != 2 || bias.rows() != 1 || bias.cols() != weight.cols()) {
            throw new IllegalArgumentException("Dense: weight " + weight.shape() + " and bias " + bias.shape()
                    + " do not fit, expected [inputs, outputs] and [1, outputs]");
        }
        if (weight.backend() != bias.backend() || weight.dtype() != bias.dtype()) {
            throw new IllegalArgumentException("Dense: weight (" + weight.backend() + ", " + weight.dtype()
                    + ") and bias (" + bias.backend() + ", " + bias.dtype() + ") differ in backend or dtype");
        }
        if (weight.isClosed() || bias.isClosed()) {
            throw new IllegalStateException("Dense: weight or bias is closed");
        }
        this.inputs = weight.rows();
        this.outputs = weight.cols();
        String name = "dense[" + inputs + "x" + outputs + "]";
        this.weight = new Parameter(name + ".weight", weight);
        this.bias = new Parameter(name + ".bias", bias);
        this.ownsParameters = true;
    }

    /** An inference replica of {@code source}: the same parameter objects, buffers of its own. */
    private Dense(Dense source) {
        this.inputs = source.inputs;
        this.outputs = source.outputs;
        this.weight = source.weight;
        this.bias = source.bias;
        this.ownsParameters = false;
    }

    /** {@return the number of input features} */
    public int inputs() {
        return inputs;
    }

    /** {@return the number of output features} */
    public int outputs() {
        return outputs;
    }

    /** {@return the weight parameter {@code [inputs, outputs]}} */
    public Parameter weight() {
        return weight;
    }

    /** {@return the bias parameter {@code [1, outputs]}} */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        if (input.rank() != 2 || input.cols() != inputs) {
            throw new IllegalArgumentException(this + ": input " + input.shape() + " does not fit, expected [batch, "
                    + inputs + "]");
        }
        Tensor w = weight.value();
        Backend be = w.backend();
        Tensor y = output.get(be, w.dtype(), bias.value().shape(), input.rows());
        be.gemm(1.0, input, false, w, false, 0.0, y);
        be.addRowVector(y, bias.value(), y);
        lastInput = input;
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
        if (lastInput == null) {
            throw new IllegalStateException(this + ": backward called before forward");
        }
        Backend be = weight.value().backend();
        be.gemm(1.0, lastInput, true, gradOutput, false, 0.0, weight.gradient());
        be.sumAlong(0, gradOutput, bias.gradient());
        if (!needInputGradient) {
            return null;
        }
        Tensor dx = inputGradient.get(be, gradOutput.dtype(), lastInput.shape());
        be.gemm(1.0, gradOutput, false, weight.value(), true, 0.0, dx);
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** A layer on the same weight and bias tensors with buffers of its own; see {@link Layer#inferenceReplica()}. */
    @Override
    public Optional<Layer> inferenceReplica() {
        return Optional.of(new Dense(this));
    }

    /** Frees the buffers and, unless this is an inference replica, the parameters. */
    @Override
    public void close() {
        output.close();
        inputGradient.close();
        if (ownsParameters) {
            weight.close();
            bias.close();
        }
        lastInput = null;
    }

    @Override
    public String toString() {
        return "Dense(" + inputs + "→" + outputs + ")";
    }
}
