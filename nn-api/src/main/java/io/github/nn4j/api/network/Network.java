package io.github.nn4j.api.network;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.layer.Parameter;
import io.github.nn4j.api.loss.Loss;
import io.github.nn4j.api.metric.Metric;
import io.github.nn4j.api.optim.Optimizer;
import io.github.nn4j.api.tensor.ReusableBuffer;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sequential model: the output of each {@link Layer} is the input of the next.
 *
 * <pre>{@code
 * Network net = Network.of(new Dense(be, 2, 4, seed), new Tanh(), new Dense(be, 4, 1, seed + 1), new Sigmoid());
 * TrainingHistory h = net.fit(x, y, new MeanSquaredError(), new Sgd(0.5), TrainingConfig.builder(20_000).build());
 * try (Tensor p = net.predict(x)) { ... }
 * }</pre>
 *
 * <p>Inputs are {@code [samples, features]}; targets {@code [samples, outputs]}; everything on one backend
 * and dtype. A network owns its layers: {@link #close()} closes them. {@link #slice} views a range of layers
 * (for example the encoder half of an autoencoder) without copying; a slice shares the layers and must not be
 * used after the network is closed.
 *
 * <p>A network is itself a {@link Layer}: it can be a layer of another network (and is saved as one, type
 * {@code Network}), and {@link io.github.nn4j.api.gradcheck.GradientChecker#checkLayer} checks it as a whole.
 *
 * <h2>Threads</h2>
 * {@link #predict} may be called from any number of threads at once, on the same network: each concurrent call
 * runs on its own {@linkplain Layer#inferenceReplica() replica} of the layers (shared parameters, own buffers),
 * and the results are those of sequential calls. Everything else (training, {@link #forward}, {@link #backward},
 * {@link #evaluate}) is one call at a time, and must not overlap with {@code predict}: training changes the
 * parameters that predictions read.
 */
public final class Network implements Layer {
    /** Rows per forward pass of {@link #predict(Tensor)}: large enough for efficient GEMMs, small in memory. */
    public static final int PREDICT_BATCH = 1024;
    /** Smallest batch of the validation pass in {@link #fit}, which has no gradients to keep and so can use more. */
    private static final int MIN_VALIDATION_BATCH = 256;
    private static final Logger LOG = LoggerFactory.getLogger(Network.class);

    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private final boolean ownsLayers;
    private final ReusableBuffer batchInputs = new ReusableBuffer();
    private final ReusableBuffer batchTargets = new ReusableBuffer();
    private final ReusableBuffer lossGradient = new ReusableBuffer();
    private final ReusableBuffer evalInputs = new ReusableBuffer();
    private final ReusableBuffer evalTargets = new ReusableBuffer();
    private final InferenceReplicas inference;
    private TrainingProgress progress;
    /** The index {@link #trainStep} announces next ({@link Layer#beginTrainingStep}). */
    private long nextTrainingStep;

    private Network(List<Layer> layers, boolean ownsLayers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : this.layers) {
            ps.addAll(l.parameters());
        }
        this.parameters = List.copyOf(ps);
        this.ownsLayers = ownsLayers;
        this.inference = new InferenceReplicas(this.layers);
    }

    /**
     * {@return a network of these layers, in order; it takes ownership of them}
     *
     * @param layers the layers, in order; the network owns them
     */
    public static Network of(Layer... layers) {
        return new Network(List.of(layers), true);
    }

    /**
     * {@return a network of these layers, in order; it takes ownership of them}
     *
     * @param layers the layers, in order; the network owns them
     */
    public static Network of(List<? extends Layer> layers) {
        return new Network(new ArrayList<>(layers), true);
    }

    /** {@return the layers, in order} */
    public List<Layer> layers() {
        return layers;
    }

    /** Every trainable parameter, layer by layer. */
    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** {@return the number of trainable scalars} */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.value().size();
        }
        return n;
    }

    /**
     * {@return where the last {@link #fit} of this network stands: updated after every completed epoch (before the
     * listeners' {@code onEpochEnd}, so a listener can checkpoint it), or set from the checkpoint this network was
     * loaded from; {@code null} when neither has happened} {@link TrainingConfig.Builder#resumeFrom} continues it.
     */
    public TrainingProgress trainingProgress() {
        return progress;
    }

    /**
     * Records where training of this network stands, as a checkpoint loader does for the network it rebuilds;
     * {@link #fit} overwrites it after every epoch.
     *
     * @param progress where training stands, or {@code null} for a network never trained
     */
    public void restoreTrainingProgress(TrainingProgress progress) {
        this.progress = progress;
        this.nextTrainingStep = progress == null ? 0
                : (long) progress.epoch() * batchesPerEpoch(progress.samples(), progress.batchSize());
    }

    /** Batches per epoch of {@code n} samples in batches of {@code batchSize} (0: full batch). */
    private static int batchesPerEpoch(int n, int batchSize) {
        int batch = batchSize == 0 ? n : Math.min(batchSize, n);
        return (n + batch - 1) / batch;
    }

    /**
     * The index of the next training step: what {@link #trainStep} announces to the layers
     * ({@link Layer#beginTrainingStep}) and then advances. {@link #fit} sets it from the epoch and batch; a network
     * loaded from a checkpoint starts where the saved run stopped; a new network at 0.
     *
     * @return the index of the next training step
     */
    public long nextTrainingStep() {
        return nextTrainingStep;
    }

    /**
     * {@return a network over layers {@code from} (inclusive) to {@code to} (exclusive) of this one, sharing them (no
     * copy): training either trains both} Closing the slice frees only its own buffers.
     *
     * @param from the first layer (inclusive)
     * @param to the layer after the last one (exclusive)
     */
    public Network slice(int from, int to) {
        if (from < 0 || to > layers.size() || from >= to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") is not a non-empty range of the "
                    + layers.size() + " layers");
        }
        return new Network(layers.subList(from, to), false);
    }

    // =================================================================================== inference

    /** Runs every layer; the result is owned by the last layer (valid until the next forward). */
    @Override
    public Tensor forward(Tensor input, boolean training) {
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).forward(x, training);
        }
        return x;
    }

    /**
     * {@return the outputs for all inputs, as a new tensor owned by the caller, computed in batches of at most
     * {@value #PREDICT_BATCH}} Safe to call from several threads at once (see the class documentation).
     *
     * @param inputs the inputs, one row per sample
     */
    public Tensor predict(Tensor inputs) {
        return predict(inputs, PREDICT_BATCH);
    }

    /**
     * {@return the outputs for all inputs, as a new tensor owned by the caller, computed in batches of
     * {@code batchSize}} Safe to call from several threads at once (see the class documentation); each call reads
     * {@code inputs} only.
     *
     * @param inputs the inputs, one row per sample
     * @param batchSize the rows computed at once, at least 1
     */
    public Tensor predict(Tensor inputs, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("predict: batch size must be positive, got " + batchSize);
        }
        int n = inputs.shape().dim(0);
        InferenceReplicas.ReplicaSet replicas = inference.acquire();
        try {
            if (n <= batchSize) {
                return replicas.forward(inputs).copy();
            }
            Backend be = inputs.backend();
            Tensor result = null;
            for (int start = 0; start < n; start += batchSize) {
                int count = Math.min(batchSize, n - start);
                Tensor xb = replicas.batchOf(inputs, count);
                be.copyRows(inputs, start, xb, 0, count);
                Tensor out = replicas.forward(xb);
                if (result == null) {
                    result = be.zeros(out.dtype(), out.shape().withFirstDim(n));
                }
                be.copyRows(out, 0, result, start, count);
            }
            return result;
        } finally {
            inference.release(replicas);
        }
    }

    /**
     * The mean loss per sample over a dataset (weighted by batch size), evaluated in inference mode in batches of
     * {@code batchSize}: {@code evaluate(inputs, targets, loss, batchSize, List.of()).loss()}.
     *
     * @param inputs    {@code [samples, features]}
     * @param targets   {@code [samples, ...]}, as {@code loss} takes them
     * @param loss      the loss
     * @param batchSize rows per forward pass; 0 or less for all at once
     * @return the mean loss per sample
     */
    public double evaluate(Tensor inputs, Tensor targets, Loss loss, int batchSize) {
        return evaluate(inputs, targets, loss, batchSize, List.of()).loss();
    }

    /**
     * The loss and the metrics over a dataset, evaluated in inference mode ({@code forward(x, false)}) in batches of
     * {@code batchSize}, so that a dataset of any size needs the memory of one batch. Not concurrent with training
     * or {@link #predict} (see the class documentation).
     *
     * @param inputs    {@code [samples, features]}
     * @param targets   {@code [samples, ...]}, as {@code loss} and the metrics take them
     * @param loss      the loss
     * @param batchSize rows per forward pass; 0 or less for all at once
     * @param metrics   metrics with distinct names, possibly none
     * @return the mean loss per sample (each batch's weighted by its size) and every metric's value
     */
    public Evaluation evaluate(Tensor inputs, Tensor targets, Loss loss, int batchSize, List<? extends Metric> metrics) {
        requireSameSamples("evaluate", inputs, targets);
        int n = inputs.shape().dim(0);
        int b = batchSize <= 0 ? n : Math.min(batchSize, n);
        Backend be = inputs.backend();
        List<Metric.Accumulator> accumulators = new ArrayList<>(metrics.size());
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric m : metrics) {
            if (values.put(m.name(), Double.NaN) != null) {
                throw new IllegalArgumentException("evaluate: two metrics named '" + m.name() + "'");
            }
            accumulators.add(m.accumulator());
        }
        double total = 0;
        for (int start = 0; start < n; start += b) {
            int count = Math.min(b, n - start);
            Tensor xb = inputs;
            Tensor yb = targets;
            if (count != n) {
                xb = evalInputs.get(be, inputs.dtype(), inputs.shape(), count);
                yb = evalTargets.get(be, targets.dtype(), targets.shape(), count);
                be.copyRows(inputs, start, xb, 0, count);
                be.copyRows(targets, start, yb, 0, count);
            }
            Tensor out = forward(xb, false);
            Tensor grad = lossGradient.get(be, out.dtype(), out.shape());
            total += loss.valueAndGradient(out, yb, grad) * count;
            for (int m = 0; m < accumulators.size(); m++) {
                accumulators.get(m).add(out, yb);
            }
        }
        for (int m = 0; m < accumulators.size(); m++) {
            values.put(metrics.get(m).name(), accumulators.get(m).value());
        }
        return new Evaluation(total / n, n, values);
    }

    // =================================================================================== training

    /**
     * One training step on one batch: forward, loss, backward, optimizer update. Returns the batch loss
     * (measured before the update). Throws {@link TrainingDivergedException} without updating when the loss
     * is not finite.
     *
     * @param inputs the inputs, one row per sample
     * @param targets the targets, one row per sample
     * @param loss the loss
     * @param optimizer the optimizer
     * @return the batch loss, measured before the update
     */
    public double trainStep(Tensor inputs, Tensor targets, Loss loss, Optimizer optimizer) {
        return trainStep(inputs, targets, loss, optimizer, 1, 1);
    }

    private double trainStep(Tensor inputs, Tensor targets, Loss loss, Optimizer optimizer, int epoch, int batch) {
        beginTrainingStep(nextTrainingStep++);
        Tensor out = forward(inputs, true);
        if (!loss.acceptsTargets(out.shape(), targets.shape())) {
            throw new IllegalArgumentException("fit: the network's output " + out.shape() + " and the targets "
                    + targets.shape() + " do not fit the loss " + loss);
        }
        Tensor grad = lossGradient.get(out.backend(), out.dtype(), out.shape());
        double value = loss.valueAndGradient(out, targets, grad);
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(epoch, batch, value);
        }
        backward(grad);
        optimizer.step(parameters);
        return value;
    }

    /** As a {@link Layer}: announces the step to every layer. */
    @Override
    public void beginTrainingStep(long step) {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).beginTrainingStep(step);
        }
    }

    /**
     * Back-propagates dL/d(output) of the last forward through every layer, setting all parameter gradients.
     *
     * @param gradOutput the gradient of the loss with respect to the network's output
     */
    public void backward(Tensor gradOutput) {
        backward(gradOutput, false);
    }

    /**
     * As a {@link Layer}: back-propagates dL/d(output) of the last forward through every layer, setting all
     * parameter gradients, and returns dL/d(input) (owned by the first layer) when {@code needInputGradient}, else
     * {@code null}.
     */
    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, i > 0 || needInputGradient);
        }
        return needInputGradient ? g : null;
    }

    /**
     * As a {@link Layer}: a network of replicas of these layers (shared parameters, own buffers), when every layer
     * has one.
     */
    @Override
    public Optional<Layer> inferenceReplica() {
        List<Layer> replicas = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            Optional<Layer> r = l.inferenceReplica();
            if (r.isEmpty()) {
                replicas.forEach(Layer::close);
                return Optional.empty();
            }
            replicas.add(r.get());
        }
        return Optional.of(new Network(replicas, true));
    }

    /**
     * Trains on {@code inputs} {@code [n, features]} and {@code targets} {@code [n, outputs]}.
     *
     * <p>Each epoch visits every sample once, in mini-batches of {@link TrainingConfig#batchSize()} (the last
     * one may be smaller), reshuffled every epoch from the seeded generator when shuffling is on (the order is
     * {@link SampleOrder}'s). Batches are gathered into reused buffers, so steady-state epochs allocate no tensors.
     *
     * <p>It trains epochs {@link TrainingConfig#initialEpoch()} + 1 to {@link TrainingConfig#epochs()}; for a
     * later start it first replays the shuffles of the earlier epochs (no training), so the sample order is that
     * of a run from epoch 0. After every epoch it records {@link #trainingProgress()}.
     *
     * <p>After every epoch it checks for the failures a finite loss hides (exploding weights, a stall with vanished
     * gradients, a NaN validation loss) and reports each as a {@link TrainingWarning}: logged, passed to the
     * listeners, kept in the history.
     *
     * <p>With validation data it evaluates the loss and the {@linkplain TrainingConfig#validationMetrics() metrics}
     * on it after every epoch, in inference mode. Listeners see the start, every batch and epoch, and the end
     * ({@link TrainingListener}); one may end training after any epoch ({@link TrainingListener#stopRequested()}), and
     * {@code fit} then returns the epochs trained so far. Layers are told each step's index
     * ({@link Layer#beginTrainingStep}): {@code (epoch − 1) · batches + (batch − 1)}.
     *
     * @param inputs the inputs, one row per sample
     * @param targets the targets, one row per sample
     * @param loss the loss
     * @param optimizer the optimizer
     * @param config the configuration
     * @return the per-epoch statistics and the warnings
     * @throws TrainingDivergedException as soon as a batch loss is NaN or infinite
     */
    public TrainingHistory fit(Tensor inputs, Tensor targets, Loss loss, Optimizer optimizer, TrainingConfig config) {
        requireSameSamples("fit", inputs, targets);
        int n = inputs.shape().dim(0);
        TrainingProgress resumed = config.resumedFrom();
        if (resumed != null && resumed.samples() != n) {
            throw new IllegalArgumentException("fit: resuming a run over " + resumed.samples() + " samples with "
                    + n + " samples; the batches would differ from the interrupted run's");
        }
        int batch = config.batchSize() == 0 ? n : Math.min(config.batchSize(), n);
        int batches = (n + batch - 1) / batch;
        boolean fullBatch = batch == n;
        boolean shuffle = config.shuffle() && !fullBatch;
        SampleOrder orders = new SampleOrder(n, config.seed(), shuffle);
        // The order of epoch k follows from the seed and k: replaying the earlier epochs' shuffles puts a resumed
        // run exactly where the first one was.
        for (int epoch = 1; epoch <= config.initialEpoch(); epoch++) {
            orders.nextEpoch();
        }
        Backend be = inputs.backend();
        List<TrainingListener> listeners = config.listeners();
        List<EpochStats> history = new ArrayList<>(config.epochs() - config.initialEpoch());
        List<TrainingWarning> warnings = new ArrayList<>();
        TrainingMonitor monitor = new TrainingMonitor(parameters, config.weightLimit());
        for (int l = 0; l < listeners.size(); l++) {
            listeners.get(l).onTrainingStart(config);
        }

        for (int epoch = config.initialEpoch() + 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            int[] order = orders.nextEpoch();
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * batch;
                int count = Math.min(batch, n - from);
                Tensor xb = inputs;
                Tensor yb = targets;
                if (!fullBatch) {
                    xb = batchInputs.get(be, inputs.dtype(), inputs.shape(), count);
                    yb = batchTargets.get(be, targets.dtype(), targets.shape(), count);
                    if (shuffle) {
                        be.gatherRows(inputs, order, from, count, xb);
                        be.gatherRows(targets, order, from, count, yb);
                    } else {
                        be.copyRows(inputs, from, xb, 0, count);
                        be.copyRows(targets, from, yb, 0, count);
                    }
                }
                nextTrainingStep = (long) (epoch - 1) * batches + b;
                double value = trainStep(xb, yb, loss, optimizer, epoch, b + 1);
                lossSum += value * count;
                for (int l = 0; l < listeners.size(); l++) {
                    listeners.get(l).onBatchEnd(epoch, b + 1, batches, value);
                }
            }
            long elapsed = System.nanoTime() - start;
            double validation = Double.NaN;
            Map<String, Double> metrics = Map.of();
            if (config.validationInputs() != null) {
                Evaluation e = evaluate(config.validationInputs(), config.validationTargets(), loss,
                        Math.max(batch, MIN_VALIDATION_BATCH), config.validationMetrics());
                validation = e.loss();
                metrics = e.metrics();
            }
            EpochStats stats = new EpochStats(epoch, config.epochs(), lossSum / n, validation, elapsed, n, metrics);
            history.add(stats);
            progress = new TrainingProgress(epoch, config.seed(), config.batchSize(), config.shuffle(), n);
            monitor.afterEpoch(epoch, stats.loss(), config.validationInputs() != null, validation, w -> {
                LOG.warn("{}", w);
                warnings.add(w);
                for (int l = 0; l < listeners.size(); l++) {
                    listeners.get(l).onWarning(w);
                }
            });
            for (int l = 0; l < listeners.size(); l++) {
                listeners.get(l).onEpochEnd(stats);
            }
            if (stopRequested(listeners)) {
                break;
            }
        }
        TrainingHistory result = new TrainingHistory(history, warnings);
        for (int l = 0; l < listeners.size(); l++) {
            listeners.get(l).onTrainingEnd(result);
        }
        return result;
    }

    /** Whether any listener asks to stop; every one is asked. */
    private static boolean stopRequested(List<TrainingListener> listeners) {
        boolean stop = false;
        for (int l = 0; l < listeners.size(); l++) {
            stop |= listeners.get(l).stopRequested();
        }
        return stop;
    }

    private static void requireSameSamples(String op, Tensor inputs, Tensor targets) {
        Shape xs = inputs.shape();
        Shape ys = targets.shape();
        if (xs.dim(0) != ys.dim(0)) {
            throw new IllegalArgumentException(op + ": inputs " + xs + " and targets " + ys
                    + " have different numbers of samples");
        }
    }

    /** The inference pool, for this package's tests. */
    InferenceReplicas inferenceReplicasForTests() {
        return inference;
    }

    /** Frees the network's buffers and, unless this is a {@link #slice}, its layers. */
    @Override
    public void close() {
        inference.close();
        batchInputs.close();
        batchTargets.close();
        lossGradient.close();
        evalInputs.close();
        evalTargets.close();
        if (ownsLayers) {
            for (Layer l : layers) {
                l.close();
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Network[");
        for (int i = 0; i < layers.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(layers.get(i));
        }
        return sb.append(']').toString();
    }
}
