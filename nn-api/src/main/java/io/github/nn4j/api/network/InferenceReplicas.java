package io.github.nn4j.api.network;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.layer.Layer;
import io.github.nn4j.api.tensor.ReusableBuffer;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What lets {@link Network#predict} run on several threads at once: a pool of replicas of the network's layers
 * ({@link Layer#inferenceReplica()}: the same parameter tensors, buffers of their own), one replica set per
 * concurrent call. A call borrows an idle set, or makes a new one when all are busy, and returns it when done, so
 * the pool grows to the largest number of simultaneous calls and steady-state calls allocate no tensors besides
 * their result.
 *
 * <p>When some layer cannot be replicated, there is one set, made of the network's own layers, and calls wait for
 * it in turn: correct, but not concurrent.
 */
final class InferenceReplicas implements AutoCloseable {
    private final List<Layer> layers;
    private final boolean replicable;
    private final ArrayDeque<ReplicaSet> idle = new ArrayDeque<>();
    private final List<ReplicaSet> all = new ArrayList<>();
    private boolean busyShared;
    private boolean closed;

    InferenceReplicas(List<Layer> layers) {
        this.layers = layers;
        this.replicable = layers.stream().allMatch(InferenceReplicas::hasReplica);
    }

    /** A set for the calling thread's exclusive use until {@link #release}; may wait when layers are not replicable. */
    synchronized ReplicaSet acquire() {
        if (closed) {
            throw new IllegalStateException("predict: the network has been closed");
        }
        if (!replicable) {
            while (busyShared) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("predict: interrupted while waiting for the network", e);
                }
                if (closed) {
                    throw new IllegalStateException("predict: the network has been closed");
                }
            }
            busyShared = true;
            if (all.isEmpty()) {
                all.add(new ReplicaSet(layers, false));
            }
            return all.get(0);
        }
        ReplicaSet set = idle.pollFirst();
        if (set == null) {
            List<Layer> replicas = new ArrayList<>(layers.size());
            for (Layer l : layers) {
                replicas.add(l.inferenceReplica().orElseThrow());
            }
            set = new ReplicaSet(replicas, true);
            all.add(set);
        }
        return set;
    }

    /** Gives back a set from {@link #acquire}. */
    synchronized void release(ReplicaSet set) {
        if (!replicable) {
            busyShared = false;
            notifyAll();
        } else if (!closed) {
            idle.addFirst(set);
        }
    }

    /** Frees every replica's buffers (the network's own layers are closed by the network). */
    @Override
    public synchronized void close() {
        closed = true;
        for (ReplicaSet set : all) {
            set.close();
        }
        all.clear();
        idle.clear();
        notifyAll();
    }

    /** Layers that one thread runs, with the buffer its mini-batches are copied into. */
    static final class ReplicaSet implements AutoCloseable {
        private final List<Layer> layers;
        private final boolean ownsLayers;
        private final ReusableBuffer batch = new ReusableBuffer();

        private ReplicaSet(List<Layer> layers, boolean ownsLayers) {
            this.layers = layers;
            this.ownsLayers = ownsLayers;
        }

        /** The inference forward pass; the result is owned by the last layer of this set. */
        Tensor forward(Tensor input) {
            Tensor x = input;
            for (int i = 0; i < layers.size(); i++) {
                x = layers.get(i).forward(x, false);
            }
            return x;
        }

        /** A reused tensor for {@code count} rows shaped like {@code inputs}. */
        Tensor batchOf(Tensor inputs, int count) {
            Backend be = inputs.backend();
            return batch.get(be, inputs.dtype(), inputs.shape(), count);
        }

        @Override
        public void close() {
            batch.close();
            if (ownsLayers) {
                for (Layer l : layers) {
                    l.close();
                }
            }
        }
    }

    /** Whether calls can run concurrently (every layer has an inference replica). */
    boolean concurrent() {
        return replicable;
    }

    /** For tests: how many replica sets exist. */
    synchronized int sets() {
        return all.size();
    }

    private static boolean hasReplica(Layer l) {
        Optional<Layer> r = l.inferenceReplica();
        r.ifPresent(Layer::close);
        return r.isPresent();
    }
}
