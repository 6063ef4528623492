package io.github.nn4j.models.svm;

import io.github.nn4j.api.backend.Backend;
import io.github.nn4j.api.tensor.DType;
import io.github.nn4j.api.tensor.Shape;
import io.github.nn4j.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import smile.base.svm.KernelMachine;
import smile.base.svm.LASVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;

/**
 * A multi-class RBF support vector machine, one-versus-one: one binary machine per pair of classes, each
 * trained by Smile's LASVM solver, combined by voting.
 *
 * <p>Why not Smile's {@code OneVersusOne}: that class also fits a Platt-scaling model per pair (an extra pass
 * over every pair's training data that voting does not need), trains the pairs one after another, and
 * predicts each pair separately, evaluating the kernel against the same training point once per pair that
 * kept it as a support vector. Here the pairs train in parallel, and prediction evaluates the kernel once
 * per distinct support vector and reuses the value in every pair; the squared distances come from one
 * matrix product per block of rows on an nn4j {@link Backend} ({@code |x|² + |s|² − 2·x·s}). Ties go to the
 * lower class index, as in Smile.
 *
 * <p>One-versus-one rather than one-versus-rest: each binary problem involves only two classes (about a fifth
 * of the data for MNIST), and LASVM keeps a kernel row of the problem's size per support vector, so the
 * memory stays modest where one-versus-rest on 60,000 vectors exhausted a 6 GB heap.
 *
 * <p>Training is reproducible: pair {@code (i, j)} seeds Smile's per-thread generator from the given seed
 * and the pair, so the machines do not depend on the number of threads or the order in which pairs are
 * trained. Predictions are reproducible on a backend whose products do not depend on its thread count (the
 * pure backend's). Immutable after {@link #fit}; {@link #predict} is thread-safe.
 */
public final class OneVsOneRbfSvm {
    /** Convergence tolerance of LASVM (Smile's default). */
    private static final double TOLERANCE = 1e-3;
    /** Passes of the online solver over each pair's data, before its finishing step (Smile's default). */
    private static final int EPOCHS = 1;
    /** Rows whose kernel values are computed by one matrix product (bounds its output to 256 × distinct). */
    private static final int PREDICT_CHUNK = 256;

    private final Backend backend;
    private final int numClasses;
    private final RbfSvmParams params;
    private final int dimension;
    /** The distinct support vectors, row after row, {@code distinct × dimension}. */
    private final double[] supportVectors;
    /** |s|² of each distinct support vector. */
    private final double[] supportNorms;
    /** machines[p] for pair p = (i, j), i > j, in the order i = 1.., j = 0..i-1. */
    private final Machine[] machines;

    /** A binary machine {@code f(x) = b + Σ weight[t] · k(x, sv[index[t]])}; f > 0 votes for class i. */
    private record Machine(int positive, int negative, int[] index, double[] weight, double b) {
    }

    private OneVsOneRbfSvm(Backend backend, int numClasses, RbfSvmParams params, double[][] vectors,
            Machine[] machines) {
        this.backend = backend;
        this.numClasses = numClasses;
        this.params = params;
        this.machines = machines;
        this.dimension = vectors.length == 0 ? 0 : vectors[0].length;
        this.supportVectors = new double[vectors.length * dimension];
        this.supportNorms = new double[vectors.length];
        for (int u = 0; u < vectors.length; u++) {
            System.arraycopy(vectors[u], 0, supportVectors, u * dimension, dimension);
            supportNorms[u] = dot(vectors[u], 0, vectors[u], 0, dimension);
        }
    }

    /**
     * Trains on {@code x} with labels {@code y} in {@code [0, numClasses)}; every class must be present.
     *
     * @param backend runs the matrix products of {@link #predict}
     * @param threads how many pairs to train at once
     */
    public static OneVsOneRbfSvm fit(Backend backend, double[][] x, int[] y, int numClasses, RbfSvmParams params,
            long seed, int threads, SvmProgressListener listener) {
        return fit(backend, x, y, numClasses, params, seed, threads, listener, null);
    }

    /**
     * As {@link #fit(Backend, double[][], int[], int, RbfSvmParams, long, int, SvmProgressListener)}, starting
     * the pairs in decreasing order of {@code effort}, an estimate of each pair's training time in pair order
     * (see {@link #supportVectorsPerPair()}), so that a long pair does not start last and keep one thread busy
     * while the others idle. The machines do not depend on the order.
     *
     * @param effort one estimate per pair, or {@code null} for the pair order
     */
    public static OneVsOneRbfSvm fit(Backend backend, double[][] x, int[] y, int numClasses, RbfSvmParams params,
            long seed, int threads, SvmProgressListener listener, double[] effort) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(params, "params");
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " feature vectors but " + y.length + " labels");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + numClasses);
        }
        int[] counts = new int[numClasses];
        for (int label : y) {
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " is not in [0, " + numClasses + ")");
            }
            counts[label]++;
        }
        for (int c = 0; c < numClasses; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("class " + c + " has no training vectors");
            }
        }
        int pairs = numClasses * (numClasses - 1) / 2;
        if (effort != null && effort.length != pairs) {
            throw new IllegalArgumentException("effort: " + effort.length + " estimates for " + pairs + " pairs");
        }
        int[] positive = new int[pairs];
        int[] negative = new int[pairs];
        for (int i = 1, p = 0; i < numClasses; i++) {
            for (int j = 0; j < i; j++, p++) {
                positive[p] = i;
                negative[p] = j;
            }
        }
        Integer[] order = new Integer[pairs];
        for (int p = 0; p < pairs; p++) {
            order[p] = p;
        }
        if (effort != null) {
            Arrays.sort(order, (a, b) -> Double.compare(effort[b], effort[a]));
        }
        List<KernelMachine<double[]>> trained = new ArrayList<>(pairs);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), daemonThreads("svm-train"));
        try {
            List<Future<KernelMachine<double[]>>> futures = new ArrayList<>(Collections.nCopies(pairs, null));
            for (int p : order) {
                int pos = positive[p];
                int neg = negative[p];
                long pairSeed = seed * 1_000_003L + (long) pos * numClasses + neg;
                futures.set(p, pool.submit(() -> {
                    KernelMachine<double[]> m = trainPair(x, y, pos, neg, counts, params, pairSeed);
                    listener.machinesTrained(done.incrementAndGet(), pairs);
                    return m;
                }));
            }
            for (Future<KernelMachine<double[]>> f : futures) {
                trained.add(await(f));
            }
        } finally {
            pool.shutdownNow();
        }
        return assemble(backend, numClasses, params, trained);
    }

    private static KernelMachine<double[]> trainPair(double[][] x, int[] y, int pos, int neg, int[] counts,
            RbfSvmParams params, long seed) {
        int n = counts[pos] + counts[neg];
        double[][] xij = new double[n][];
        int[] yij = new int[n];
        for (int l = 0, q = 0; l < y.length; l++) {
            if (y[l] == pos || y[l] == neg) {
                xij[q] = x[l];
                yij[q] = y[l] == pos ? +1 : -1;
                q++;
            }
        }
        MathEx.setSeed(seed); // LASVM visits the samples in an order drawn from this thread's generator
        return new LASVM<>(new GaussianKernel(params.sigma()), params.c(), TOLERANCE).fit(xij, yij, EPOCHS);
    }

    private static OneVsOneRbfSvm assemble(Backend backend, int numClasses, RbfSvmParams params,
            List<KernelMachine<double[]>> trained) {
        Map<double[], Integer> ids = new IdentityHashMap<>();
        List<double[]> unique = new ArrayList<>();
        Machine[] machines = new Machine[trained.size()];
        int p = 0;
        for (int i = 1; i < numClasses; i++) {
            for (int j = 0; j < i; j++, p++) {
                KernelMachine<double[]> km = trained.get(p);
                double[][] vectors = km.vectors();
                double[] w = km.weights();
                int kept = 0;
                int[] index = new int[vectors.length];
                double[] weight = new double[vectors.length];
                for (int t = 0; t < vectors.length; t++) {
                    if (w[t] == 0) {
                        continue;
                    }
                    Integer id = ids.get(vectors[t]);
                    if (id == null) {
                        id = unique.size();
                        ids.put(vectors[t], id);
                        unique.add(vectors[t]);
                    }
                    index[kept] = id;
                    weight[kept] = w[t];
                    kept++;
                }
                machines[p] = new Machine(i, j, Arrays.copyOf(index, kept), Arrays.copyOf(weight, kept),
                        km.intercept());
            }
        }
        return new OneVsOneRbfSvm(backend, numClasses, params, unique.toArray(new double[0][]), machines);
    }

    /** Number of classes. */
    public int numClasses() {
        return numClasses;
    }

    /** The hyper-parameters it was trained with. */
    public RbfSvmParams params() {
        return params;
    }

    /** Number of distinct training vectors that are a support vector of at least one pair. */
    public int distinctSupportVectors() {
        return supportNorms.length;
    }

    /**
     * Support vectors of each binary machine, in pair order ({@code (1,0), (2,0), (2,1), (3,0), …}): a measure
     * of how hard each pair is, and so of how long it takes to train.
     */
    public int[] supportVectorsPerPair() {
        int[] out = new int[machines.length];
        for (int p = 0; p < machines.length; p++) {
            out[p] = machines[p].index().length;
        }
        return out;
    }

    /** Support vectors summed over all pairs (a vector counts once per pair that uses it). */
    public long totalSupportVectors() {
        long n = 0;
        for (Machine m : machines) {
            n += m.index().length;
        }
        return n;
    }

    /** The class of {@code x}, by majority vote of the pairs. */
    public int predict(double[] x) {
        return predict(new double[][] {x}, 1)[0];
    }

    /** The classes of all rows of {@code x}, computed by {@code threads} threads. */
    public int[] predict(double[][] x, int threads) {
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != dimension) {
                throw new IllegalArgumentException("row " + i + " has width " + x[i].length + ", the SVM was trained on "
                        + dimension);
            }
        }
        int[] out = new int[x.length];
        if (x.length == 0) {
            return out;
        }
        int distinct = supportNorms.length;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), daemonThreads("svm-predict"));
        try (Tensor vectors = distinct == 0 ? null
                : backend.fromArray(DType.FLOAT64, supportVectors, Shape.matrix(distinct, dimension))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int start = 0; start < x.length; start += PREDICT_CHUNK) {
                int from = start;
                int to = Math.min(x.length, start + PREDICT_CHUNK);
                futures.add(pool.submit(() -> predictRows(vectors, x, from, to, out)));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /**
     * Predicts rows {@code from..to-1}: their dot products with every distinct support vector in one matrix
     * product, turned into kernel values {@code exp(−gamma·max(0, |x|² + |s|² − 2·x·s))}, then every pair's
     * decision value summed from them.
     */
    private void predictRows(Tensor vectors, double[][] x, int from, int to, int[] out) {
        int rows = to - from;
        int distinct = supportNorms.length;
        double[] kernel = new double[rows * distinct];
        if (distinct > 0) {
            double[] block = new double[rows * dimension];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(x[from + r], 0, block, r * dimension, dimension);
            }
            try (Tensor xt = backend.fromArray(DType.FLOAT64, block, Shape.matrix(rows, dimension));
                    Tensor dots = backend.zeros(DType.FLOAT64, Shape.matrix(rows, distinct))) {
                backend.gemm(1.0, xt, false, vectors, true, 0.0, dots);
                backend.read(dots, kernel);
            }
        }
        double gamma = params.gamma();
        for (int r = 0; r < rows; r++) {
            double[] row = x[from + r];
            double norm = dot(row, 0, row, 0, dimension);
            int offset = r * distinct;
            for (int u = 0; u < distinct; u++) {
                double d2 = norm + supportNorms[u] - 2 * kernel[offset + u];
                kernel[offset + u] = Math.exp(-gamma * Math.max(d2, 0.0));
            }
            out[from + r] = vote(kernel, offset);
        }
    }

    private int vote(double[] kernel, int offset) {
        int[] votes = new int[numClasses];
        for (Machine m : machines) {
            double f = m.b();
            int[] index = m.index();
            double[] weight = m.weight();
            for (int t = 0; t < index.length; t++) {
                f += weight[t] * kernel[offset + index[t]];
            }
            votes[f > 0 ? m.positive() : m.negative()]++;
        }
        int best = 0;
        for (int c = 1; c < numClasses; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Dot product with four independent accumulators (the JIT does not reorder floating-point sums). */
    private static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 3 < n; t += 4) {
            s0 += a[aOff + t] * b[bOff + t];
            s1 += a[aOff + t + 1] * b[bOff + t + 1];
            s2 += a[aOff + t + 2] * b[bOff + t + 2];
            s3 += a[aOff + t + 3] * b[bOff + t + 3];
        }
        for (; t < n; t++) {
            s0 += a[aOff + t] * b[bOff + t];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for SVM workers", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("SVM worker failed", cause);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
