package io.github.nn4j.backend.pure;

/**
 * The blocked FLOAT64 matrix product {@code c = alpha op(a) op(b) + beta c} on row-major arrays, leaving
 * only the register-blocked micro-kernel to subclasses.
 *
 * <h2>Blocking</h2>
 * The output is cut into tiles of at most {@code mc x nc} elements. A tile walks the inner dimension in
 * blocks of {@code kc}: it packs the {@code kc x nc} block of {@code op(b)} into column panels
 * {@code nr} wide and the {@code mc x kc} block of {@code op(a)} into row panels {@code mr} tall (both
 * zero-padded, transposes resolved while packing), then runs the micro-kernel on every
 * {@code mr x nr} block of the tile. Packing buffers belong to the thread (allocated once per thread).
 *
 * <h2>Threads and determinism</h2>
 * Tiles are independent, so large products share them among the threads of a {@link TileExecutor};
 * small ones run on the calling thread. Every output element is summed in the same order whatever the
 * tile sizes and whichever thread computes it (the {@code kc} blocks in order, then the micro-kernel's
 * fixed order within a block, and the same final {@code alpha acc + beta c}), so the result is
 * bit-identical for any thread count. Tiny products skip packing and use a direct loop, chosen by shape
 * alone.
 */
abstract class DoubleGemm {
    /** Products of at most this many multiply-adds use the direct loop (packing would dominate). */
    static final long DIRECT_MAX_WORK = 4096;
    /** Products of fewer multiply-adds than this never leave the calling thread. */
    static final long PARALLEL_MIN_WORK = 1L << 20;

    private final int mr;
    private final int nr;
    private final int kc;
    private final int mc;
    private final int nc;
    private final TileExecutor executor;
    private final ThreadLocal<Workspace> workspaces;

    /**
     * @param mr rows of the micro-kernel's block
     * @param nr columns of the micro-kernel's block
     * @param kc inner-dimension block length
     * @param mc most rows in a tile (a multiple of {@code mr})
     * @param nc most columns in a tile (a multiple of {@code nr})
     */
    DoubleGemm(int mr, int nr, int kc, int mc, int nc, TileExecutor executor) {
        if (mc % mr != 0 || nc % nr != 0) {
            throw new IllegalArgumentException("tile " + mc + "x" + nc + " is not a multiple of the micro-kernel "
                    + mr + "x" + nr);
        }
        this.mr = mr;
        this.nr = nr;
        this.kc = kc;
        this.mc = mc;
        this.nc = nc;
        this.executor = executor;
        this.workspaces = ThreadLocal.withInitial(Workspace::new);
    }

    /**
     * Computes, for {@code i < mr, j < nr}, {@code c[cOff + i ldc + j] = alpha acc(i, j) + beta c[...]},
     * where {@code acc(i, j)} is the sum over {@code p < kc} (in increasing {@code p}) of
     * {@code aPanel[aOff + p mr + i] * bPanel[bOff + p nr + j]}; with {@code beta == 0} the old value of
     * {@code c} is not read, and the result is exactly {@code alpha acc}. The final combination must be
     * done as {@code (alpha * acc) + (beta * c)} with two roundings each, no fused multiply-add, so that
     * edge blocks (finished in {@link #merge}) round like full ones.
     */
    protected abstract void microKernel(int kc, double[] aPanel, int aOff, double[] bPanel, int bOff,
                                        double alpha, double beta, double[] c, int cOff, int ldc);

    /** {@code c = alpha op(a) op(b) + beta c}; see {@link DoubleKernels#gemm}. */
    final void gemm(double alpha, double[] a, boolean transA, double[] b, boolean transB, double beta, double[] c,
                    int m, int n, int k) {
        long work = (long) m * n * k;
        if (work <= DIRECT_MAX_WORK) {
            direct(alpha, a, transA, b, transB, beta, c, m, n, k);
            return;
        }
        boolean parallel = work >= PARALLEL_MIN_WORK && executor.threads() > 1;
        Product product = workspaces.get().product;
        product.set(alpha, a, transA, b, transB, beta, c, m, n, k);
        int tiles = product.plan(parallel ? executor.threads() : 1);
        try {
            if (!(parallel && tiles > 1 && executor.tryRun(product, tiles))) {
                for (int t = 0; t < tiles; t++) {
                    product.runTile(t);
                }
            }
        } finally {
            product.clear();
        }
    }

    /** The unpacked triple loop for tiny products. */
    private static void direct(double alpha, double[] a, boolean transA, double[] b, boolean transB, double beta,
                               double[] c, int m, int n, int k) {
        int aRow = transA ? 1 : k;
        int aCol = transA ? m : 1;
        int bRow = transB ? 1 : n;
        int bCol = transB ? k : 1;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double acc = 0.0;
                for (int p = 0; p < k; p++) {
                    acc += a[i * aRow + p * aCol] * b[p * bRow + j * bCol];
                }
                int o = i * n + j;
                c[o] = beta == 0.0 ? alpha * acc : alpha * acc + beta * c[o];
            }
        }
    }

    /** Finishes an edge block: {@code c = alpha acc + beta c} for the {@code rows x cols} part of the scratch. */
    private void merge(double[] acc, int rows, int cols, double alpha, double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < rows; i++) {
            int s = i * nr;
            int o = cOff + i * ldc;
            for (int j = 0; j < cols; j++) {
                c[o + j] = beta == 0.0 ? alpha * acc[s + j] : alpha * acc[s + j] + beta * c[o + j];
            }
        }
    }

    /** One thread's packing buffers, plus the product description it publishes when it is the caller. */
    private final class Workspace {
        final double[] aPack = new double[mc * kc];
        final double[] bPack = new double[kc * nc];
        final double[] edge = new double[mr * nr];
        final Product product = new Product();
    }

    /** The arguments of one product and its division into tiles; reused by its thread for every call. */
    private final class Product implements TileExecutor.TileTask {
        private double alpha;
        private double beta;
        private double[] a;
        private double[] b;
        private double[] c;
        private boolean transA;
        private boolean transB;
        private int m;
        private int n;
        private int k;
        private int tileRows;
        private int tileCols;
        private int tilesAcross;

        void set(double alpha, double[] a, boolean transA, double[] b, boolean transB, double beta, double[] c,
                 int m, int n, int k) {
            this.alpha = alpha;
            this.a = a;
            this.transA = transA;
            this.b = b;
            this.transB = transB;
            this.beta = beta;
            this.c = c;
            this.m = m;
            this.n = n;
            this.k = k;
        }

        /** Drops the array references so that a finished product keeps no tensor alive. */
        void clear() {
            a = null;
            b = null;
            c = null;
        }

        /** Chooses tile sizes giving at least {@code threads} tiles where the shape allows; returns the tile count. */
        int plan(int threads) {
            tileRows = Math.min(mc, roundUp(m, mr));
            tileCols = Math.min(nc, roundUp(n, nr));
            while (ceilDiv(m, tileRows) * ceilDiv(n, tileCols) < threads) {
                if (tileRows > mr && (tileRows >= tileCols || tileCols <= nr)) {
                    tileRows = roundUp(ceilDiv(tileRows, 2), mr);
                } else if (tileCols > nr) {
                    tileCols = roundUp(ceilDiv(tileCols, 2), nr);
                } else {
                    break;
                }
            }
            tilesAcross = ceilDiv(n, tileCols);
            return ceilDiv(m, tileRows) * tilesAcross;
        }

        @Override
        public void runTile(int tile) {
            Workspace ws = workspaces.get();
            int i0 = (tile / tilesAcross) * tileRows;
            int j0 = (tile % tilesAcross) * tileCols;
            int rows = Math.min(tileRows, m - i0);
            int cols = Math.min(tileCols, n - j0);
            for (int p0 = 0; p0 < k; p0 += kc) {
                int depth = Math.min(kc, k - p0);
                packB(ws.bPack, p0, depth, j0, cols);
                packA(ws.aPack, i0, rows, p0, depth);
                blockProduct(ws, i0, rows, j0, cols, depth, p0 == 0 ? beta : 1.0);
            }
        }

        private void blockProduct(Workspace ws, int i0, int rows, int j0, int cols, int depth, double betaNow) {
            double[] aPack = ws.aPack;
            double[] bPack = ws.bPack;
            for (int ir = 0; ir < rows; ir += mr) {
                int r = Math.min(mr, rows - ir);
                for (int jr = 0; jr < cols; jr += nr) {
                    int q = Math.min(nr, cols - jr);
                    int cOff = (i0 + ir) * n + j0 + jr;
                    if (r == mr && q == nr) {
                        microKernel(depth, aPack, ir * depth, bPack, jr * depth, alpha, betaNow, c, cOff, n);
                    } else {
                        microKernel(depth, aPack, ir * depth, bPack, jr * depth, 1.0, 0.0, ws.edge, 0, nr);
                        merge(ws.edge, r, q, alpha, betaNow, c, cOff, n);
                    }
                }
            }
        }

        /** Packs rows {@code i0 ..} ({@code rows}) and columns {@code p0 ..} ({@code depth}) of op(a) into row panels. */
        private void packA(double[] dst, int i0, int rows, int p0, int depth) {
            for (int ir = 0; ir < rows; ir += mr) {
                int off = ir * depth;
                int r = Math.min(mr, rows - ir);
                if (!transA) { // a is [m, k]
                    for (int ii = 0; ii < r; ii++) {
                        int src = (i0 + ir + ii) * k + p0;
                        for (int p = 0; p < depth; p++) {
                            dst[off + p * mr + ii] = a[src + p];
                        }
                    }
                } else { // a is [k, m]
                    for (int p = 0; p < depth; p++) {
                        int src = (p0 + p) * m + i0 + ir;
                        int d = off + p * mr;
                        for (int ii = 0; ii < r; ii++) {
                            dst[d + ii] = a[src + ii];
                        }
                    }
                }
                for (int ii = r; ii < mr; ii++) {
                    for (int p = 0; p < depth; p++) {
                        dst[off + p * mr + ii] = 0.0;
                    }
                }
            }
        }

        /** Packs rows {@code p0 ..} ({@code depth}) and columns {@code j0 ..} ({@code cols}) of op(b) into column panels. */
        private void packB(double[] dst, int p0, int depth, int j0, int cols) {
            for (int jr = 0; jr < cols; jr += nr) {
                int off = jr * depth;
                int q = Math.min(nr, cols - jr);
                if (!transB) { // b is [k, n]
                    for (int p = 0; p < depth; p++) {
                        System.arraycopy(b, (p0 + p) * n + j0 + jr, dst, off + p * nr, q);
                    }
                } else { // b is [n, k]
                    for (int jj = 0; jj < q; jj++) {
                        int src = (j0 + jr + jj) * k + p0;
                        for (int p = 0; p < depth; p++) {
                            dst[off + p * nr + jj] = b[src + p];
                        }
                    }
                }
                for (int jj = q; jj < nr; jj++) {
                    for (int p = 0; p < depth; p++) {
                        dst[off + p * nr + jj] = 0.0;
                    }
                }
            }
        }
    }

    static int ceilDiv(int x, int y) {
        return (x + y - 1) / y;
    }

    static int roundUp(int x, int multiple) {
        return ceilDiv(x, multiple) * multiple;
    }
}
